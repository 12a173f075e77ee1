import { useRef, useState } from 'preact/hooks';
import { Field } from '../shared/components/Field';
import { currentPosition } from './currentPosition';
import { pointInWords } from './pointInWords';
import { ADDRESS_FIELD, type Point } from './reportFields';

/*
 * "Where is it?": an address, and the resident's current position if they are there now (the
 * browser's Geolocation, asked only on the button). There is no map to point at: the pages must
 * work with no internet and no map tiles are bundled, so the point is shown in words, with a
 * way to remove it. A refusal or failure is said plainly in a live region; the form stays usable.
 */

/** A point the resident chose to share, and how precise the browser said it was (metres). */
export interface SharedPoint {
  readonly point: Point;
  readonly accuracy: number | null;
}

interface WhereIsItProps {
  readonly idPrefix: string;
  readonly address: string;
  readonly addressProblem?: string;
  readonly onAddress: (address: string) => void;
  readonly shared: SharedPoint | null;
  readonly onShared: (shared: SharedPoint | null) => void;
  readonly disabled: boolean;
}

export function WhereIsIt({ idPrefix, address, addressProblem, onAddress, shared, onShared, disabled }: WhereIsItProps) {
  const [locating, setLocating] = useState(false);
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);
  const pointText = useRef<HTMLParagraphElement>(null);
  const useButton = useRef<HTMLButtonElement>(null);

  const locate = async () => {
    if (locating) return;
    setLocating(true);
    setSaid({ text: 'Finding your location…', problem: false });
    const located = await currentPosition();
    setLocating(false);
    if (!located.ok) {
      setSaid({ text: located.problem, problem: true });
      return;
    }
    onShared({ point: located.point, accuracy: located.accuracy });
    setSaid({ text: 'Your location was added to the report.', problem: false });
    requestAnimationFrame(() => pointText.current?.focus());
  };

  const remove = () => {
    onShared(null);
    setSaid({ text: 'Your location was removed from the report.', problem: false });
    requestAnimationFrame(() => useButton.current?.focus());
  };

  return (
    <fieldset class="report-group">
      <legend>
        <h2>Where is it?</h2>
      </legend>
      <p class="hint">Give an address or a place nearby. If you are there now, you can also share your current location.</p>
      <Field spec={ADDRESS_FIELD} idPrefix={idPrefix} value={address} problem={addressProblem} disabled={disabled} onChange={(value) => onAddress(String(value))} />
      <div class="report-location">
        {shared ? (
          <>
            <p class="report-point" tabIndex={-1} ref={pointText}>
              <strong>Your location:</strong> {pointInWords(shared.point, shared.accuracy)}
            </p>
            <button type="button" class="button button-secondary" disabled={disabled} onClick={remove}>
              Remove<span class="visually-hidden"> your location</span>
            </button>
          </>
        ) : (
          // Not disabled while locating: a disabled button would lose the keyboard's focus.
          <button type="button" class="button button-secondary" ref={useButton} disabled={disabled} aria-disabled={locating || undefined} onClick={() => void locate()}>
            Use my current location
          </button>
        )}
        <p class={`report-location-said${said?.problem ? ' field-error' : ''}`} role="status">
          {said?.text ?? ''}
        </p>
      </div>
    </fieldset>
  );
}
