import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../platform/auth/guards.js';
import { defineMessages } from '../../platform/i18n/i18n.js';
import { pageContext } from '../../platform/http/request-context.js';
import { Layout } from '../../platform/render/layout.js';
import { sendPage } from '../../platform/render/render.js';

const messages = defineMessages({
  pl: {
    title: 'Administracja',
    lead: 'Zarządzaj danymi jednostek, za które odpowiadasz.',
    accounts: 'Konta użytkowników',
    accountsText: 'Dodawaj konta, nadawaj role, blokuj dostęp, ustawiaj nowe hasła.',
    audit: 'Dziennik zmian',
    auditText: 'Kto, kiedy i co zmienił; logowania i nieudane próby logowania.',
  },
  en: {
    title: 'Administration',
    lead: 'Manage the data of the units you are responsible for.',
    accounts: 'User accounts',
    accountsText: 'Add accounts, assign roles, disable access, set new passwords.',
    audit: 'Audit log',
    auditText: 'Who changed what and when; sign-ins and failed sign-in attempts.',
  },
});

export function registerAdminHome(app: FastifyInstance): void {
  app.get('/admin', { schema: { hide: true } }, async (request, reply) => {
    requireRole(request, 'admin');
    const ctx = pageContext(request, reply);
    const m = messages[ctx.lang];
    return sendPage(
      reply,
      <Layout ctx={ctx} title={m.title}>
        <h1>{m.title}</h1>
        <p className="lead">{m.lead}</p>
        <div className="cards">
          <section className="card">
            <h2>
              <a href="/admin/accounts">{m.accounts}</a>
            </h2>
            <p>{m.accountsText}</p>
          </section>
          <section className="card">
            <h2>
              <a href="/admin/audit">{m.audit}</a>
            </h2>
            <p>{m.auditText}</p>
          </section>
        </div>
      </Layout>,
    );
  });
}
