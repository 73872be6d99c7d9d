import type { DesktopApi } from '../common/desktop';
import { PRODUCT_NAME } from '../common/product';
import type { Alarm } from './alarms/alarm';
import { AlarmToggle } from './alarms/AlarmToggle';
import type { Overlay } from './AppOverlays';
import { DesktopControls } from './settings/DesktopControls';
import type { Views } from './views/useViews';
import { ViewBar } from './views/ViewBar';
import type { WallAction, WallState } from './views/viewState';

/** The top bar's inputs: the wall and its views, and what each of its buttons opens or toggles. */
export interface TopBarProps {
  listShown: boolean;
  onToggleList: () => void;
  views: Views;
  state: WallState;
  dispatch: (action: WallAction) => void;
  openOverlay: (overlay: Overlay) => void;
  /** Opens instant replay's picker for the view (absent where the wall cannot replay). */
  onReplay: (() => void) | undefined;
  desktop: DesktopApi | undefined;
  /** The wall an alarm or push replaced can come back: the button says to what; null hides it. */
  restoreLabel: string | null;
  notice: string | null;
  onClearNotice: () => void;
  alarms: ReadonlyMap<string, Alarm>;
  alarmsShown: boolean;
  onToggleAlarms: () => void;
}

/**
 * The wall's top bar: the product name (toggles the camera list), views and layouts, replay, the desktop's
 * settings, the way back after an alarm or push, the last notice, and the alarm button at the right end.
 */
export function TopBar(props: TopBarProps) {
  const { listShown, state, dispatch, openOverlay, notice } = props;
  return (
    <div className="topbar">
      <button
        type="button"
        className="brand"
        title={listShown ? 'Hide the camera list' : 'Show the camera list'}
        onClick={props.onToggleList}
      >
        {PRODUCT_NAME}
      </button>
      <ViewBar
        views={props.views}
        state={state}
        dispatch={dispatch}
        onEditTour={() => {
          openOverlay({ type: 'tour' });
        }}
        onHelp={() => {
          openOverlay({ type: 'help' });
        }}
      />
      {props.onReplay && (
        <button
          type="button"
          data-testid="replay-view-button"
          title="Instant replay of the view or the selected tile (G)"
          onClick={props.onReplay}
        >
          ⟲ Replay…
        </button>
      )}
      {props.desktop && <DesktopControls desktop={props.desktop} />}
      {props.restoreLabel !== null && (
        <button
          type="button"
          data-testid="wall-restore"
          title="Put back the wall the alarm or push replaced"
          onClick={() => {
            dispatch({ type: 'restore' });
          }}
        >
          {props.restoreLabel}
        </button>
      )}
      {notice && (
        <span className="problem" role="status" onClick={props.onClearNotice}>
          {notice}
        </span>
      )}
      <AlarmToggle alarms={props.alarms} shown={props.alarmsShown} onToggle={props.onToggleAlarms} />
    </div>
  );
}
