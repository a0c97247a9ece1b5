/**
 * Who is on duty: {@code DutyRoster} (rotation weeks, duty days that start at a set time,
 * dated overrides) and the gaps it finds.
 */
package org.hotline.domain.roster;
