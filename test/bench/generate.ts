// Generates follow-ups shaped like the seeds (promises, tables, counts in prose, running totals, events) at any size.
import { gridFromTsv, type Grid } from '../../shared/model/grid';

/** A tab-separated follow-up with `n` activities, ten per promise table. */
export function generateFollowUpTsv(n: number): string {
  const rows: string[] = ['Uppföljning av medborgarlöften för Testby kommun', '', 'Uppföljningen avser tredje tertialet 2019', ''];
  const promises = Math.ceil(n / 10);
  for (let p = 0; p < promises; p++) {
    rows.push(`Löfte ${p + 1}`, `- Att genomföra minst ${(p % 7) + 3} trygghetsvandringar i stadsdel ${p} och ${p % 5} riktade insatser`, '', 'Aktivitet\tTertial 1\tTertial 2\tTertial 3');
    for (let a = 0; a < 10 && p * 10 + a < n; a++) {
      const i = p * 10 + a;
      const t1 = i % 50;
      const t2 = i % 40;
      switch (i % 4) {
        case 0:
          rows.push(`Trafikkontroll område ${i}\t${t1}\t${t2} (${t1 + t2})\tSammanlagt genomfört ${t1 + t2 + 5} kontroller`);
          break;
        case 1:
          rows.push(`Trygghetsvandring ${i}\t\tGöksten 19-06-0${1 + (i % 9)}\tNyfors 19-11-2${i % 9} Stadsparken 19-12-0${1 + (i % 9)}`);
          break;
        case 2:
          rows.push(`Genomföra minst tio riktade insatser nummer ${i}\tGenomfört sex riktade insatser.\tGenomfört ett tjugotal riktade insatser\tGenomförts tillsammans med polisen`);
          break;
        default:
          rows.push(`Föräldraträff ${i}\tTvå föräldraträffar med socialen\tFörändringar har gjorts i parken\t`);
      }
    }
    rows.push('');
  }
  return rows.join('\n');
}

export function generateFollowUp(n: number): Grid {
  return gridFromTsv(generateFollowUpTsv(n), 'Uppföljning');
}
