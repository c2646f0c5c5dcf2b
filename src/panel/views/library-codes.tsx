// What libraries and services mean by codes in a range (4000–4999 mostly):
// a table per library, from the core's app close-code list.

import { APP_CLOSE_CODES, type AppCloseCode } from '../../core/app-close-codes';
import { usePanel } from '../context';

export function LibraryCodes({ from, to }: { from: number; to: number }) {
  const { t, settings } = usePanel();
  const byLibrary = new Map<string, AppCloseCode[]>();
  for (const entry of APP_CLOSE_CODES) {
    if (entry.code < from || entry.code > to) continue;
    const list = byLibrary.get(entry.library);
    if (list) list.push(entry);
    else byLibrary.set(entry.library, [entry]);
  }
  const own = Object.entries(settings.codeLabels).filter(([c]) => Number(c) >= from && Number(c) <= to);
  if (byLibrary.size === 0 && own.length === 0) return null;
  return (
    <section class="card-section library-codes" aria-label={t('library_codes')}>
      <h3>{t('library_codes')}</h3>
      <p class="muted">{t('library_codes_hint')}</p>
      {own.length > 0 && (
        <details open>
          <summary>{t('your_labels')}</summary>
          <table class="mini-table">
            <tbody>{own.map(([c, l]) => <tr key={c}><td class="mono">{c}</td><td>{l}</td></tr>)}</tbody>
          </table>
        </details>
      )}
      {[...byLibrary.entries()].map(([library, codes]) => (
        <details key={library}>
          <summary>{library} <span class="muted">({codes.length})</span></summary>
          <table class="mini-table">
            <tbody>
              {codes.map((c) => (
                <tr key={c.code}>
                  <td class="mono">{c.code}</td>
                  <td>{c.meaning}</td>
                  <td class="muted">{c.reconnect === undefined ? '' : c.reconnect ? t('reconnect_yes') : t('reconnect_no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  );
}
