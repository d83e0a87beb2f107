import { createElement } from 'react';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { requireAllowed } from '../../../platform/auth/guards.js';
import { AppError } from '../../../platform/http/errors.js';
import { formErrorsFrom, formFields } from '../../../platform/http/forms.js';
import { actorOf, pageContext } from '../../../platform/http/request-context.js';
import { sendPage } from '../../../platform/render/render.js';
import { addCategory, updateCategory } from '../manage-categories.js';
import type { StoredCategory } from '../model.js';
import { categoryOr404, reportCategories } from '../read-reports.js';
import { CategoriesPage, CategoryEditPage } from './category-pages.js';
import { noticeOf } from './notices.js';

/** The catalogue of report categories (kategorie zagrożeń), for administrators: list, add, edit. */
export function registerCategoryPages(app: FastifyInstance, database: Database): void {
  const db = database.db;
  const categoryInput = (fields: Record<string, string>) => {
    const from = fields.seasonFrom?.trim();
    const to = fields.seasonTo?.trim();
    const month = (text: string | undefined) =>
      text && /^\d{1,2}$/.test(text) && Number(text) >= 1 && Number(text) <= 12 ? Number(text) : null;
    if ((from || to) && (month(from) === null || month(to) === null)) {
      throw new AppError(
        400,
        'invalid_season',
        {
          pl: 'Sezon: podaj oba miesiące jako liczby od 1 do 12 albo zostaw oba pola puste.',
          en: 'Season: give both months as numbers 1–12, or leave both empty.',
        },
        { field: 'season' },
      );
    }
    return {
      name: { pl: fields.namePl ?? '', en: fields.nameEn ?? '' },
      descriptionRequired: fields.descriptionRequired === 'on',
      road: fields.road === 'on',
      season: from && to ? { fromMonth: month(from)!, toMonth: month(to)! } : null,
    };
  };
  const valuesOf = (c: StoredCategory): Record<string, string> => ({
    namePl: c.name.pl,
    nameEn: c.name.en,
    active: c.active ? 'on' : '',
    descriptionRequired: c.descriptionRequired ? 'on' : '',
    road: c.roadCategory ? 'on' : '',
    seasonFrom: c.season ? String(c.season.fromMonth) : '',
    seasonTo: c.season ? String(c.season.toMonth) : '',
  });

  app.get('/admin/report-categories', { config: { access: 'report.categories' }, schema: { hide: true } }, async (request, reply) => {
    requireAllowed(request, 'report.categories');
    return sendPage(
      reply,
      createElement(CategoriesPage, {
        ctx: pageContext(request, reply, noticeOf(request)),
        categories: await reportCategories(db),
        errors: [],
        values: {},
      }),
    );
  });

  app.post('/admin/report-categories', { config: { access: 'report.categories' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'report.categories');
    const fields = formFields(request.body);
    try {
      await addCategory(db, principal, actorOf(request), { code: fields.code ?? '', ...categoryInput(fields) });
    } catch (error) {
      const errors = formErrorsFrom(error, request.lang);
      return sendPage(
        reply,
        createElement(CategoriesPage, { ctx: pageContext(request, reply), categories: await reportCategories(db), errors, values: fields }),
        400,
      );
    }
    return reply.redirect('/admin/report-categories?notice=saved', 303);
  });

  app.get<{ Params: { code: string } }>(
    '/admin/report-categories/:code',
    { config: { access: 'report.categories' }, schema: { hide: true } },
    async (request, reply) => {
      requireAllowed(request, 'report.categories');
      const category = await categoryOr404(db, request.params.code);
      return sendPage(
        reply,
        createElement(CategoryEditPage, { ctx: pageContext(request, reply), category, values: valuesOf(category), errors: [] }),
      );
    },
  );

  app.post<{ Params: { code: string } }>(
    '/admin/report-categories/:code',
    { config: { access: 'report.categories' }, schema: { hide: true } },
    async (request, reply) => {
      const principal = requireAllowed(request, 'report.categories');
      const category = await categoryOr404(db, request.params.code);
      const fields = formFields(request.body);
      try {
        await updateCategory(db, principal, actorOf(request), category.code, { ...categoryInput(fields), active: fields.active === 'on' });
      } catch (error) {
        const errors = formErrorsFrom(error, request.lang);
        return sendPage(
          reply,
          createElement(CategoryEditPage, { ctx: pageContext(request, reply), category, values: fields, errors }),
          400,
        );
      }
      return reply.redirect('/admin/report-categories?notice=saved', 303);
    },
  );
}
