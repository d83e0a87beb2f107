/**
 * The report form's attachments, with JavaScript: lists the chosen files with their sizes, lets the
 * resident remove one, and refuses more files or more megabytes than the limits before anything is
 * sent (the server checks again: this only saves a wasted upload). The limits come from the data
 * attributes the server wrote (AttachmentField). Without JavaScript the plain file input works alone.
 * Files picked in several goes add up: a DataTransfer holds the list the input sends.
 */
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
  },
  en: {
    chosen: 'Chosen files',
    remove: (name: string) => `Remove the file ${name}`,
    removeLabel: 'Remove',
    tooMany: (max: number) => `At most ${max} ${max === 1 ? 'file' : 'files'} can be attached. Remove the extra files.`,
    tooLarge: (max: number) => `The files are larger than ${max} MB together. Remove one or choose a smaller one.`,
    total: (n: number, size: string) => `${n} ${n === 1 ? 'file' : 'files'}, ${size} together`,
  },
}[lang];

function formatSize(bytes: number): string {
  const locale = lang === 'pl' ? 'pl-PL' : 'en-GB';
  const units = ['B', 'KiB', 'MiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(locale, { maximumFractionDigits: 1 })} ${units[unit]}`;
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
  form?.addEventListener('submit', (event) => {
    if (limitProblem()) {
      event.preventDefault();
      render();
      input.focus();
    }
  });
}
