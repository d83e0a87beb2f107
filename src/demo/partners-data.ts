import type { Actor } from '../platform/audit/actor.js';
import type { Db } from '../platform/db/database.js';
import { createPartner } from '../modules/partners/index.js';

/**
 * Partner organisations of the demo units, with contact details (invented: the numbers and
 * addresses are placeholders, the people fictional). Loaded before the demo plans, so the plans
 * that name them link these entries; other names in the plans join the registry as the plans load.
 */
const demoPartners = [
  {
    unitId: 'kpp-krasnystaw',
    name: 'Miejski Ośrodek Pomocy Społecznej w Krasnymstawie',
    kind: 'social_welfare',
    contactPerson: 'Joanna Wiśniewska, kierownik działu pomocy środowiskowej',
    phone: '82 500 10 01',
    email: 'sekretariat@mops-krasnystaw.example',
    address: 'ul. Poniatowskiego 33, 22-300 Krasnystaw',
    note: 'Przekazuje ulotki o oszustwach podopiecznym przy wizytach pracowników socjalnych.',
  },
  {
    unitId: 'kpp-krasnystaw',
    name: 'Towarzystwo Budownictwa Społecznego w Krasnymstawie',
    kind: 'housing',
    contactPerson: 'Marek Zieliński, administrator budynków',
    phone: '82 500 10 02',
    email: 'biuro@tbs-krasnystaw.example',
    address: 'ul. Okrzei 5, 22-300 Krasnystaw',
    note: '',
  },
  {
    unitId: 'kpp-krasnystaw',
    name: 'Krasnostawski Dom Kultury',
    kind: 'culture',
    contactPerson: 'Ewa Nowak, instruktor klubu seniora',
    phone: '82 500 10 03',
    email: '',
    address: 'ul. Sobieskiego 2, 22-300 Krasnystaw',
    note: 'Sala na spotkania z seniorami w czwartki po południu.',
  },
  {
    unitId: 'kpp-lubartow',
    name: 'Spółdzielnia Mieszkaniowa w Lubartowie',
    kind: 'housing',
    contactPerson: 'Piotr Kamiński, dział techniczny (monitoring)',
    phone: '81 500 20 01',
    email: 'monitoring@sm-lubartow.example',
    address: 'ul. Powstańców Warszawy 12, 21-100 Lubartów',
    note: 'Udostępnia nagrania monitoringu osiedla na wniosek.',
  },
  {
    unitId: 'kpp-leczna',
    name: 'Urząd Miejski w Łęcznej',
    kind: 'local_government',
    contactPerson: 'Referat Inwestycji i Rozwoju Gminy',
    phone: '81 500 30 01',
    email: 'inwestycje@um-leczna.example',
    address: 'pl. Kościuszki 5, 21-010 Łęczna',
    note: 'Modernizacja kamer monitoringu na Osiedlu Bobrowniki.',
  },
  {
    unitId: 'kpp-leczna',
    name: 'Rada Osiedla Bobrowniki w Łęcznej',
    kind: 'local_government',
    contactPerson: 'Przewodniczący Rady Osiedla',
    phone: '',
    email: 'rada.bobrowniki@example.pl',
    address: '',
    note: 'Zebrania mieszkańców w pierwszy poniedziałek miesiąca.',
  },
] as const;

export async function loadDemoPartners(db: Db, actor: Actor): Promise<void> {
  for (const { unitId, ...partner } of demoPartners) await createPartner(db, null, actor, unitId, { ...partner, confirmNew: true });
}
