import type { CameraView } from '../common/camera';
import type { StationApi } from '../common/station-api';
import type { Tour } from '../common/views';
import { CameraForm } from './cameras/CameraForm';
import type { Cameras } from './cameras/useCameras';
import { TourEditor } from './views/TourEditor';
import { HelpOverlay } from './wall/HelpOverlay';

/** The dialog in front of the wall, if any: help, the tour editor, the camera form (new or edit). */
export type Overlay =
  { type: 'help' } | { type: 'tour' } | { type: 'camera'; camera: CameraView | null } | null;

/** The overlays' inputs: which one, and what they act on. */
export interface AppOverlaysProps {
  overlay: Overlay;
  api: StationApi;
  cameras: Cameras;
  tour: Tour | null;
  onTour: (tour: Tour | null) => void;
  onClose: () => void;
}

/** The open overlay: help, the tour editor or the camera form; each closes itself through `onClose`. */
export function AppOverlays({ overlay, api, cameras, tour, onTour, onClose }: AppOverlaysProps) {
  switch (overlay?.type) {
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
