package org.hotline.app.config;

import java.util.List;
import org.hotline.domain.validation.ConfigProblem;
import org.hotline.domain.config.HotlineConfig;

/**
 * Runs the routing module's semantic validation on a structurally valid configuration and
 * records each {@link ConfigProblem} at the line its path was read from (the nearest ancestor
 * that appears in the file when the path names something the file leaves out).
 */
final class SemanticCheck {

    /** The routing module's validator, as a function (so tests can pin its clock). */
    @FunctionalInterface
    interface Validator {
        List<ConfigProblem> validate(HotlineConfig config);
    }

    private final Validator validator;

    SemanticCheck(Validator validator) {
        this.validator = validator;
    }

    void check(HotlineConfig config, YamlSource source) {
        for (ConfigProblem problem : validator.validate(config)) {
            source.error(source.lineOf(problem.path()), problem.path(), problem.message());
        }
    }
}
