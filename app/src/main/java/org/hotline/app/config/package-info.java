/**
 * The configuration loader: reads the YAML file strictly ({@code YamlNode}), builds each section
 * as the record of the module that uses it, once, and reports every problem as
 * {@code FILE:LINE: PATH: message} (app/CONFIG.md lists every key).
 */
package org.hotline.app.config;
