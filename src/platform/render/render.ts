import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FastifyReply } from 'fastify';

/** A server-rendered page as HTML. React escapes every text and attribute it renders. */
export function renderPage(page: ReactElement): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(page)}`;
}

export function sendHtml(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/** Sends a server-rendered page. */
export function sendPage(reply: FastifyReply, page: ReactElement, status = 200): FastifyReply {
  return sendHtml(reply, renderPage(page), status);
}
