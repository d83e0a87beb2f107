import { describe, expect, it } from 'vitest';
import { createChangeBus } from './changes.js';

describe('change bus', () => {
  it('tells the listeners of a topic, and only of that topic', () => {
    const bus = createChangeBus();
    const heard: string[] = [];
    bus.on('plans', () => heard.push('plans'));
    bus.on('reports', () => heard.push('reports'));
    bus.emit('reports');
    expect(heard).toEqual(['reports']);
  });

  it('stops telling a listener once it unsubscribes', () => {
    const bus = createChangeBus();
    let calls = 0;
    const off = bus.on('plans', () => calls++);
    bus.emit('plans');
    off();
    bus.emit('plans');
    expect(calls).toBe(1);
  });

  it('keeps two buses apart (two apps in one process)', () => {
    const first = createChangeBus();
    const second = createChangeBus();
    let heard = 0;
    first.on('plans', () => heard++);
    second.emit('plans');
    expect(heard).toBe(0);
  });

  it('tells the other listeners when one throws, and reports the error', () => {
    const errors: unknown[] = [];
    const bus = createChangeBus((error) => errors.push(error));
    let heard = 0;
    bus.on('reports', () => {
      throw new Error('broken cache');
    });
    bus.on('reports', () => heard++);
    bus.emit('reports');
    expect(heard).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
