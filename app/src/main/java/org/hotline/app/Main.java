package org.hotline.app;

/** Entry point of {@code hotline.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("{\"status\":\"skeleton\"}");
    }
}
