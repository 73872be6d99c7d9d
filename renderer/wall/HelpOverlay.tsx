import { SHORTCUT_HELP } from './shortcuts';

/** The keyboard help overlay (`?`), closed with Esc or a click. */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div className="overlay" role="dialog" aria-label="Keyboard shortcuts" onClick={onClose}>
      <div className="panel help">
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUT_HELP.map((s) => (
              <tr key={s.keys}>
                <th scope="row">
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{s.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">Alerts stay in the banner until acknowledged.</p>
      </div>
    </div>
  );
}
