package org.hotline.domain.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The person ids filling one duty slot: primary {@code a} and optional backup {@code b}.
 * In YAML a list {@code [A]} or {@code [A, B]}; index 0 is A and index 1 is B in problem paths.
 */
public record DutyPair(String a, Optional<String> b) {
    public DutyPair {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }

    public static DutyPair of(String a) {
        return new DutyPair(a, Optional.empty());
    }

    public static DutyPair of(String a, String b) {
        return new DutyPair(a, Optional.of(b));
    }

    /**
     * Builds a pair from its YAML list: empty gives no pair (nobody on that slot), one or two
     * ids give a pair.
     *
     * @throws IllegalArgumentException for more than two names or an empty name
     */
    public static Optional<DutyPair> fromList(List<String> ids) {
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("expected person ids, got an empty entry in " + ids);
            }
        }
        switch (ids.size()) {
            case 0: return Optional.empty();
            case 1: return Optional.of(of(ids.get(0)));
            case 2: return Optional.of(of(ids.get(0), ids.get(1)));
            default:
                throw new IllegalArgumentException(
                        "expected [A] or [A, B] (at most two person ids), got " + ids.size() + ": " + ids);
        }
    }

    /** The ids in order, A then B when present. */
    public List<String> ids() {
        return b.map(x -> List.of(a, x)).orElseGet(() -> List.of(a));
    }
}
