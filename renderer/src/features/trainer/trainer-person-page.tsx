import ScienceOutlined from '@mui/icons-material/ScienceOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { z } from 'zod';
import type { SandboxPersonView } from '../../../../shared/api/index';
import { useConsoleApi } from '../../app/console-api-context';
import { useHealth } from '../../app/health';
import { useSupervisorCatalogue } from '../../app/i18n/supervisor-catalogue';
import { useApiMutation } from '../../app/use-api-mutation';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { CprLookupField, cprLookupSchema } from '../../components/cpr-lookup-field';
import { Form, useZodForm } from '../../components/form';
import { Page } from '../../components/page';
import { formatMonthYear, formatDay } from './trainer-format';

const lookupSchema = z.object({ cpr: cprLookupSchema });

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }}>
      <Typography variant="h2" sx={{ fontSize: '1.1rem', fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/**
 * Supervisor, sandbox only: one synthetic person's register facts for the trainer who plays the caller,
 * in a window of its own beside an agent's running call (the data folder stays with the console). The
 * months of moves and the relatives' birth years are what the questions ask. A real register source
 * answers 404 and the menu hides the screen.
 */
export function TrainerPersonPage() {
  const { t, i18n } = useSupervisorCatalogue();
  const api = useConsoleApi();
  const { health } = useHealth();
  const form = useZodForm(lookupSchema, { defaultValues: { cpr: '' } });
  const [person, setPerson] = useState<SandboxPersonView | null>(null);
  const lookup = useApiMutation(async (input: z.output<typeof lookupSchema>) => {
    setPerson(null);
    setPerson(await api.showSandboxPerson({ cpr: input.cpr }));
    // The number is not kept on screen once used: the view shows it masked.
    form.reset({ cpr: '' });
  });
  const lang = i18n.language;
  const cprBad = form.formState.errors.cpr !== undefined;
  const period = (from: string, to: string | null) => `${formatMonthYear(from, lang)} – ${to ? formatMonthYear(to, lang) : t('trainer.now')}`;

  if (health && !health.sandbox) {
    return (
      <Page title={t('trainer.title')}>
        <Alert severity="info">{t('trainer.notSandbox')}</Alert>
      </Page>
    );
  }
  return (
    <Page title={t('trainer.title')}>
      <Alert severity="warning" icon={<ScienceOutlined />} role="note">
        {t('trainer.trainingData')}
      </Alert>
      <Typography>{t('trainer.intro')}</Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Form form={form} onValid={lookup.run} direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
          <CprLookupField label={t('trainer.cpr')} {...form.register('cpr')} invalid={cprBad} />
          <Button type="submit" variant="contained" disabled={lookup.pending}>
            {t('trainer.show')}
          </Button>
        </Form>
      </Paper>
      {lookup.error?.status === 404 ? <Alert severity="info">{t('trainer.notFound')}</Alert> : lookup.error ? <ApiErrorAlert error={lookup.error} /> : null}
      {person ? (
        <Stack spacing={2} aria-label={t('trainer.personLabel', { masked: person.maskedCpr })} component="article">
          <Section title={`${person.name} · ${person.maskedCpr}`}>
            <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, mb: 1 }}>
              <Chip size="small" color="warning" icon={<ScienceOutlined />} label={t('trainer.synthetic')} />
              {person.status !== 'active' ? <Chip size="small" variant="outlined" label={t(`trainer.status.${person.status}`)} /> : null}
              {person.nameAddressProtection ? <Chip size="small" variant="outlined" label={t('trainer.protected')} /> : null}
            </Stack>
            <Typography>
              {t('trainer.born', { date: formatDay(person.birthDate, lang), place: person.birthplace })}
              {person.statusDate ? ` · ${t(`trainer.status.${person.status}`)} ${formatDay(person.statusDate, lang)}` : ''}
            </Typography>
            <Typography color="text.secondary">
              {t('trainer.citizenship', { country: person.citizenship })} · {t('trainer.mitid')}: {person.mitidUserId ?? t('trainer.none')}
            </Typography>
          </Section>
          <Section title={t('trainer.documents')}>
            {person.documents.length === 0 ? (
              <Typography>{t('trainer.none')}</Typography>
            ) : (
              <Stack component="ul" sx={{ m: 0, pl: 2.5 }}>
                {person.documents.map((d) => (
                  <li key={`${d.type}${d.number}`}>
                    {t(`trainer.documentType.${d.type}`)} {d.issuingCountry === 'GL' ? `(${t('trainer.greenlandic')}) ` : ''}
                    <Typography component="span" sx={{ fontFamily: 'monospace' }}>
                      {d.number}
                    </Typography>{' '}
                    · {d.valid ? t('trainer.validUntil', { date: formatDay(d.expiresOn, lang) }) : t('trainer.expired', { date: formatDay(d.expiresOn, lang) })}
                  </li>
                ))}
              </Stack>
            )}
          </Section>
          <Section title={t('trainer.addresses')}>
            {person.nameAddressProtection ? <Alert severity="info" sx={{ mb: 1 }}>{t('trainer.protectedAddresses')}</Alert> : null}
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('trainer.period')}</TableCell>
                  <TableCell>{t('trainer.address')}</TableCell>
                  <TableCell>{t('trainer.municipality')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {person.addresses.map((a) => (
                  <TableRow key={a.movedIn}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{period(a.movedIn, a.movedOut)}</TableCell>
                    <TableCell>
                      {a.abroad ? t('trainer.abroad', { country: a.place }) : a.place}
                      {a.movedOut === null ? ` (${t('trainer.current')})` : ''}
                    </TableCell>
                    <TableCell>
                      {a.municipalityThen && a.municipalityNow && a.municipalityThen !== a.municipalityNow
                        ? t('trainer.municipalityChanged', { then: a.municipalityThen, now: a.municipalityNow })
                        : (a.municipalityThen ?? '')}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Section>
          <Section title={t('trainer.family')}>
            {person.relatives.length === 0 && person.civilStatus.length <= 1 && person.formerNames.length === 0 ? <Typography>{t('trainer.none')}</Typography> : null}
            <Stack component="ul" sx={{ m: 0, pl: 2.5 }}>
              {person.relatives.map((r) => (
                <li key={`${r.kind}${r.name}${r.birthDate}`}>
                  {t(`trainer.relative.${r.kind}`)}: {r.name} ({t('trainer.bornYear', { year: r.birthDate.slice(0, 4) })}
                  {r.status !== 'active' ? `, ${t(`trainer.relativeStatus.${r.status as 'deceased'}`)}` : ''})
                </li>
              ))}
              {person.civilStatus
                .filter((c) => c.status !== 'unmarried')
                .map((c) => (
                  <li key={`${c.status}${c.validFrom}`}>
                    {t(`trainer.civil.${c.status as 'married'}`)} {formatDay(c.validFrom, lang)}
                    {c.spouse ? ` (${c.spouse})` : ''}
                  </li>
                ))}
              {person.formerNames.map((n) => (
                <li key={`${n.name}${n.validFrom}`}>{t('trainer.formerName', { name: n.name, from: formatMonthYear(n.validFrom, lang), to: formatMonthYear(n.validTo, lang) })}</li>
              ))}
            </Stack>
          </Section>
        </Stack>
      ) : null}
    </Page>
  );
}
