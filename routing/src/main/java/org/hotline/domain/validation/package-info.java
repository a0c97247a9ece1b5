/**
 * The semantic checks of a configuration ({@code ConfigValidator}): every problem, with its
 * YAML path, as a {@code ConfigProblem}; {@code check-config} and the loader report them.
 */
package org.hotline.domain.validation;
