/**
 * Autosave for the plan editor: a few seconds after the officer stops typing, the form is sent
 * with intent=autosave. Without JavaScript the editor's buttons save instead; nothing depends on this.
 */
const form = document.querySelector<HTMLFormElement>('form[data-autosave]');
const status = document.getElementById('autosave-status');
const lang = document.documentElement.lang === 'en' ? 'en' : 'pl';
const text = {
  pl: { saving: 'Zapisywanie…', saved: (t: string) => `Zapisano automatycznie o ${t}.`, failed: 'Nie udało się zapisać automatycznie: ' },
  en: { saving: 'Saving…', saved: (t: string) => `Saved automatically at ${t}.`, failed: 'Autosave failed: ' },
}[lang];

if (form && status) {
  let timer: number | undefined;
  let sending = false;
  const save = async () => {
    if (sending) return;
    sending = true;
    status.textContent = text.saving;
    const body = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') body.append(key, value);
    body.set('intent', 'autosave');
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body,
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      const result = (await response.json()) as { savedAt?: string; error?: { message: string } };
      status.textContent =
        response.ok && result.savedAt
          ? text.saved(
              new Date(result.savedAt).toLocaleTimeString(lang === 'pl' ? 'pl-PL' : 'en-GB', { hour: '2-digit', minute: '2-digit' }),
            )
          : text.failed + (result.error?.message ?? String(response.status));
    } catch (error) {
      status.textContent = text.failed + String(error);
    } finally {
      sending = false;
    }
  };
  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void save(), 2500);
  };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
}
