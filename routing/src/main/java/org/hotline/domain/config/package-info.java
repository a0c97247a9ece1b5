/**
 * The hotline's configuration as immutable records, one per section of the YAML file
 * ({@code config/hotline.example.yaml}); the asterisk, storage and panel sections belong to
 * their own modules.
 *
 * <p>Two layers of checking, so that the loader can report every problem with its YAML path:
 * <ul>
 *   <li>Compact constructors and the {@code parse} methods ({@link DueRule#parse},
 *       {@link DutyPair#fromList}, {@link UrgentPath#parse}) reject only what cannot be
 *       represented at all (nulls, malformed text); they throw {@link IllegalArgumentException}
 *       with a message meant for the user, which the loader reports at the path it was
 *       building.</li>
 *   <li>{@link ConfigValidator} finds the semantic problems (inverted or overlapping ranges,
 *       unknown references, bad phone numbers, roster gaps) and returns them all as
 *       {@link ConfigProblem}s whose paths are the YAML key paths.</li>
 * </ul>
 */
package org.hotline.domain.config;

import org.hotline.domain.validation.ConfigProblem;
import org.hotline.domain.validation.ConfigValidator;
