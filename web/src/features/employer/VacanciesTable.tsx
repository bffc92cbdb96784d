/** The employer's own vacancies, with how many youth have each among their recommendations. */
import { useFormat, useTranslation } from '../../shared/i18n/index.ts';
import { Link } from '../../shared/router.tsx';
import { OwnOpportunities } from '../../shared/uploads/OwnOpportunities.tsx';
import { NS } from './messages.ts';

export function VacanciesTable() {
  const { t } = useTranslation(NS);
  const format = useFormat();
  return (
    <OwnOpportunities
      id="vacancies-heading"
      title={t('vacancies')}
      empty={t('noVacancies')}
      columns={[
        {
          header: t('vacancy'),
          cell: (v) => (
            <Link to={`/employer/vacancies/${encodeURIComponent(v.opportunityId)}`}>
              {v.title} ({v.opportunityId})
            </Link>
          ),
        },
        { header: t('district'), cell: (v) => v.district },
        { header: t('openings'), cell: (v) => format.number(v.capacity) },
        { header: t('closes'), cell: (v) => format.date(v.deadline) },
        { header: t('recommendedTo'), cell: (v) => t('youthCount', { n: format.number(v.recommendedTo) }) },
      ]}
    />
  );
}
