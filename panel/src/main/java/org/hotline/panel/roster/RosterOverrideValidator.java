package org.hotline.panel.roster;

import org.hotline.panel.users.InvalidFieldException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hotline.domain.config.DutyPair;
import org.hotline.domain.roster.RosterSlot;
import org.hotline.domain.store.DutyOverride;

/**
 * Checks roster edits before they are saved, in two steps: {@link #checkInput} refuses an edit
 * that is wrong in itself (naming the field), {@link #problems} lists what saving the edits
 * together would break of the roster rules that {@code check-config} enforces (for example "no
 * after-hours period without duty manager A in the next 14 days"). {@link #pairOn} tells who fills
 * a slot now, for swaps. {@link ConfigRosterOverrideValidator} checks against the loaded
 * configuration.
 */
public interface RosterOverrideValidator {

    /**
     * @throws InvalidFieldException naming the field when {@code o} is wrong in itself
     */
    void checkInput(DutyOverride o);

    /**
     * @throws InvalidFieldException naming {@code field} (or {@code roster}) when {@code roster} is not
     *     a roster, {@code date} is in the past or beyond the horizon, or {@code slot} is the lunch
     *     turn of a day without a lunch window
     */
    void checkDay(String field, String roster, LocalDate date, RosterSlot slot);

    /**
     * @throws InvalidFieldException naming {@code field} when {@code personId} is not one of the
     *     configuration's people
     */
    void checkPerson(String field, String personId);

    /** The problems in words, each with its configuration path, that saving {@code changed} would introduce. */
    List<String> problems(List<DutyOverride> changed);

    /** Who fills {@code slot} of {@code roster} on duty day {@code date}, as routing sees it now. */
    Optional<DutyPair> pairOn(String roster, LocalDate date, RosterSlot slot);

    /** The duty days {@code from} .. {@code from + days - 1} of {@code roster} as routing sees them now. */
    List<org.hotline.domain.roster.DutyDay> days(String roster, LocalDate from, int days);
}
