// Labels of audit actions added after the typed catalogues reached TypeScript's limit (TS2589; see
// cosign-queue-da.ts). Deep-merged into `translation` with the supervisor catalogue, so actionLabel reads
// them as it reads the others (review.actions.<action with _ for .>).
export const auditActionTextDa = { review: { actions: { sandbox_person_viewed: 'Træningsperson vist (træner)' } } };
export const auditActionTextEn = { review: { actions: { sandbox_person_viewed: 'Training person viewed (trainer)' } } };
