// The frame every list screen draws: its body and key hints, or its key help while "?" is held
// open, cut to the terminal's size.
import { screenLines, type FrameInput, type KeyHelp } from '../model/frame.js';
import { LinesView } from './lines-view.js';

export type ScreenFrameProps = FrameInput & { readonly keys: KeyHelp; readonly helpOpen: boolean };

export function ScreenFrame(props: ScreenFrameProps) {
  return <LinesView lines={screenLines(props)} width={props.size.columns} />;
}
