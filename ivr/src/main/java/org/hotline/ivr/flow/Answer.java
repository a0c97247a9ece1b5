package org.hotline.ivr.flow;

/** How the flow reads one key entry: take a value, skip the question, ask again, or complain. */
sealed interface Answer<T> {
    record Accept<T>(T value) implements Answer<T> {}
    /** {@code #}: the caller ends the entry without a value. */
    record Skip<T>() implements Answer<T> {}
    /** {@code *}: say the question again (does not use up an attempt, within a bound). */
    record Repeat<T>() implements Answer<T> {}
    /** Nothing keyed before the timeout. */
    record NoInput<T>() implements Answer<T> {}
    /** Keys that do not answer the question. */
    record Invalid<T>() implements Answer<T> {}
}
