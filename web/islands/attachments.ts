/**
 * The report form's attachments, with JavaScript: lists the chosen files with their sizes, lets the
 * resident remove one, and refuses more files or more megabytes than the limits before anything is
 * sent (the server checks again: this only saves a wasted upload). The limits come from the data
 * attributes the server wrote (AttachmentField). Without JavaScript the plain file input works alone.
 * Files picked in several goes add up: a DataTransfer holds the list the input sends.
 *
 * Files fine in themselves survive a form that comes back (held-files.ts): held in this browser when
 * the form is sent, put back into the input when the server marks the field `data-files-dropped`.
 * On a page without the field (the thanks pages) the island only forgets what it held.
 */
import { forgetHeldFiles, holdFiles, takeHeldFiles } from './held-files.js';

const box = document.querySelector<HTMLElement>('[data-attachments]');
const input = box?.querySelector<HTMLInputElement>('input[type="file"]');
const lang = document.documentElement.lang === 'en' ? 'en' : 'pl';

// The same plural forms as the server's messages (platform/i18n plural()), from the browser's rules.
const polishRules = new Intl.PluralRules('pl-PL');
const polishFiles = (n: number) => ({ one: 'plik', few: 'pliki' })[polishRules.select(n) as 'one' | 'few'] ?? 'plików';
const text = {
  pl: {
    chosen: 'Wybrane pliki',
    remove: (name: string) => `Usuń plik ${name}`,
    removeLabel: 'Usuń',
    tooMany: (max: number) => `Można dołączyć najwyżej ${max} ${polishFiles(max)}. Usuń nadmiarowe pliki.`,
    tooLarge: (max: number) => `Pliki są razem większe niż ${max} MB. Usuń któryś albo wybierz mniejszy.`,
    total: (n: number, size: string) => `${n} ${polishFiles(n)}, razem ${size}`,
    restored: (n: number) =>
      ({
        one: 'Plik wybrany wcześniej jest znów dołączony.',
        few: `${n} pliki wybrane wcześniej są znów dołączone.`,
      })[polishRules.select(n) as 'one' | 'few'] ?? `${n} plików wybranych wcześniej jest znów dołączonych.`,
  },
  en: {
    chosen: 'Chosen files',
    remove: (name: string) => `Remove the file ${name}`,
    removeLabel: 'Remove',
    tooMany: (max: number) => `At most ${max} ${max === 1 ? 'file' : 'files'} can be attached. Remove the extra files.`,
    tooLarge: (max: number) => `The files are larger than ${max} MB together. Remove one or choose a smaller one.`,
    total: (n: number, size: string) => `${n} ${n === 1 ? 'file' : 'files'}, ${size} together`,
    restored: (n: number) => (n === 1 ? 'The file chosen before is attached again.' : `The ${n} files chosen before are attached again.`),
  },
}[lang];

function formatSize(bytes: number): string {
  const locale = lang === 'pl' ? 'pl-PL' : 'en-GB';
  // binary multiples named as the limits name them (platform/i18n formatBytes)
  const units = ['B', 'kB', 'MB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // two decimals for megabytes, as the server's formatBytes: 5,01 MB is over a 5 MB limit, "5 MB" would not say so
  return `${value.toLocaleString(locale, { maximumFractionDigits: unit >= 2 ? 2 : 1 })} ${units[unit]}`;
}

if (box && input && typeof DataTransfer !== 'undefined') {
  const maxFiles = Number(box.dataset.maxFiles);
  const maxBytes = Number(box.dataset.maxBytes);
  const maxMegabytes = Number(box.dataset.maxMegabytes);
  const form = input.form;
  let chosen: File[] = [];

  const list = document.createElement('ul');
  list.className = 'attachment-list';
  list.setAttribute('aria-label', text.chosen);
  const summary = document.createElement('p');
  summary.className = 'field__hint';
  summary.setAttribute('aria-live', 'polite');
  const problem = document.createElement('p');
  problem.className = 'field__error';
  problem.id = 'field-attachments-limit';
  problem.setAttribute('role', 'alert');
  problem.hidden = true;
  input.insertAdjacentElement('afterend', list);
  list.insertAdjacentElement('afterend', summary);
  input.insertAdjacentElement('beforebegin', problem);

  const limitProblem = () => {
    if (chosen.length > maxFiles) return text.tooMany(maxFiles);
    if (chosen.reduce((sum, f) => sum + f.size, 0) > maxBytes) return text.tooLarge(maxMegabytes);
    return null;
  };

  const render = () => {
    const transfer = new DataTransfer();
    for (const file of chosen) transfer.items.add(file);
    input.files = transfer.files;
    list.replaceChildren(
      ...chosen.map((file, i) => {
        const item = document.createElement('li');
        item.append(`${file.name} (${formatSize(file.size)}) `);
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'button button--secondary attachment-list__remove';
        remove.textContent = text.removeLabel;
        remove.setAttribute('aria-label', text.remove(file.name));
        remove.addEventListener('click', () => {
          chosen = chosen.filter((_, j) => j !== i);
          render();
          input.focus();
        });
        item.append(remove);
        return item;
      }),
    );
    summary.textContent = chosen.length ? text.total(chosen.length, formatSize(chosen.reduce((sum, f) => sum + f.size, 0))) : '';
    const message = limitProblem();
    problem.textContent = message ?? '';
    problem.hidden = message === null;
    box.querySelector('.field')?.classList.toggle('field--error', message !== null);
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== problem.id);
    input.setAttribute('aria-describedby', [...described, ...(message ? [problem.id] : [])].join(' '));
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };

  // Each choice adds to the files chosen before (a picker opened twice should not forget the first photo).
  input.addEventListener('change', () => {
    chosen = [...chosen, ...Array.from(input.files ?? [])];
    render();
  });
  if (form)
    form.addEventListener('submit', (event) => {
      if (limitProblem()) {
        event.preventDefault();
        render();
        input.focus();
        return;
      }
      if (chosen.length === 0) {
        void forgetHeldFiles();
        return;
      }
      // Held before the form goes (a storage write is asynchronous); submit() does not come back here.
      event.preventDefault();
      void holdFiles(chosen).then(() => form.submit());
    });

  /** The server's "choose the files again" is answered: its error goes from the field and the summary. */
  const withdrawChooseAgain = () => {
    const field = box.querySelector('.field');
    document.getElementById(`${input.id}-error`)?.remove();
    field?.classList.remove('field--error');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== `${input.id}-error`);
    if (described.length) input.setAttribute('aria-describedby', described.join(' '));
    else input.removeAttribute('aria-describedby');
    input.removeAttribute('aria-invalid');
    document.querySelector(`.error-summary a[href="#${input.id}"]`)?.closest('li')?.remove();
  };

  /** A refused file's own error stays, without the "choose again" the server added: the others are back. */
  const keepOnlyRefusal = (message: string) => {
    const error = document.getElementById(`${input.id}-error`);
    if (error) error.textContent = message;
    const listed = document.querySelector(`.error-summary a[href="#${input.id}"]`);
    if (listed) listed.textContent = message;
  };

  if (box.dataset.filesDropped === undefined) void forgetHeldFiles();
  else
    void takeHeldFiles().then((held) => {
      const { refusedFile, refusedMessage } = box.dataset;
      // a file refused for itself stays out (the first of its name: the one the server named)
      const refusedAt = refusedFile === undefined ? -1 : held.findIndex((file) => file.name === refusedFile);
      const files = held.filter((_, i) => i !== refusedAt);
      if (files.length === 0) return;
      chosen = files;
      if (refusedFile === undefined) withdrawChooseAgain();
      else keepOnlyRefusal(refusedMessage ?? '');
      render();
      summary.textContent = `${text.restored(files.length)} ${summary.textContent}`;
    });
} else if (!box) {
  // a page after a report was sent
  void forgetHeldFiles();
}
