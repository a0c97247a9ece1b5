package org.hotline.ivr.pbx;

/**
 * One thing the connected Asterisk lacks that the configuration needs.
 *
 * @param line   the line id, {@code null} when it concerns every line (the recordings directory)
 * @param prompt the prompt key of the line's {@code prompts} ({@code greeting-office}), {@code null} for the recordings directory
 * @param file   the sound file or directory concerned, as configured
 * @param what   what is wrong and what to do
 */
public record PbxWarning(String line, String prompt, String file, String what) {

    /** One line for a person: {@code line complaints: prompt greeting-office: hotline/x: not on the PBX ...}. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(line == null ? "all lines" : "line " + line).append(": ");
        b.append(prompt == null ? "recordings directory" : "prompt " + prompt).append(' ').append(file).append(": ");
        return b.append(what).toString();
    }
}
