package dev.nsbridge.app.demo;

/** One step of the demo; new parts (Klaviyo flows, for one) are new steps. */
public interface DemoStep {
    /** The heading printed before the step runs. */
    String title();

    void run(DemoContext context) throws Exception;
}
