import type { Category, Texts } from '../core/index';
import type { CookieRow } from './cookie-rows';

/**
 * A category's cookies, folded under a summary so the dialog stays short. The explicit roles keep it a table
 * to screen readers when narrow screens stack its rows (CSS `display` drops the implicit ones in some browsers).
 */
export function CookieTable(props: { t: Texts; id: Category; rows: CookieRow[] }) {
  const { t, rows } = props;
  const headers = [t.cookieName, t.cookieProvider, t.cookiePurpose, t.cookieLifetime];
  return (
    <details class="small">
      <summary>
        {t.cookies} ({rows.length})
      </summary>
      <table role="table" aria-label={`${t.cookies}: ${t[props.id]}`}>
        <thead role="rowgroup">
          <tr role="row">
            {headers.map((header) => (
              <th role="columnheader" scope="col">{header}</th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr role="row">
              {row.map((cell, column) => (
                <td role="cell" data-label={headers[column]}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
