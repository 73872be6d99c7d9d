import type { CameraView } from '../common/camera';
import type { StationApi } from '../common/station-api';
import type { Tour } from '../common/views';
import { CameraForm } from './cameras/CameraForm';
import { ReplayPicker, type ReplayScope } from './replay/ReplayPicker';
import type { WallReplaySetup } from './replay/useWallReplay';
import type { Cameras } from './cameras/useCameras';
import { TourEditor } from './views/TourEditor';
import { HelpOverlay } from './wall/HelpOverlay';

/** The dialog in front of the wall, if any: help, the tour editor, the camera form, replay's picker. */
export type Overlay =
  | { type: 'help' }
  | { type: 'tour' }
  | { type: 'camera'; camera: CameraView | null }
  | { type: 'replay'; tile: number | null; scope: ReplayScope }
  | null;

/** The overlays' inputs: which one, and what they act on. */
export interface AppOverlaysProps {
  overlay: Overlay;
  api: StationApi;
  cameras: Cameras;
  tour: Tour | null;
  onTour: (tour: Tour | null) => void;
  replay: WallReplaySetup;
  onClose: () => void;
}

/** The open overlay: help, the tour editor, the camera form or replay's picker; each closes through `onClose`. */
export function AppOverlays({ overlay, api, cameras, tour, onTour, replay, onClose }: AppOverlaysProps) {
  switch (overlay?.type) {
    case 'replay': {
      const desk = replay.desk;
      if (desk === undefined) return null;
      return (
        <ReplayPicker
          tileName={replay.tileName(overlay.tile)}
          initialScope={overlay.scope}
          onPick={(fromMs, scope) => {
            onClose();
            const { tileKeys } = replay;
            const key =
              overlay.tile === null ? undefined : tileKeys.find((k) => k.startsWith(`${overlay.tile}:`));
            if (scope === 'view' || key === undefined) desk.replayView(tileKeys, fromMs);
            else desk.replayTile(key, fromMs);
          }}
          onClose={onClose}
        />
      );
    }
    case 'help':
      return <HelpOverlay onClose={onClose} />;
    case 'tour':
      return (
        <TourEditor
          cameras={cameras.cameras}
          tour={tour}
          onSave={(next) => {
            onTour(next);
            onClose();
          }}
          onClose={onClose}
        />
      );
    case 'camera':
      return (
        <CameraForm
          api={api}
          camera={overlay.camera}
          onSaved={() => {
            onClose();
            cameras.refresh();
          }}
          onClose={onClose}
        />
      );
    case undefined:
      return null;
  }
}
