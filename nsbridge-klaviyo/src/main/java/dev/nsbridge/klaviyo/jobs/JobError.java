package dev.nsbridge.klaviyo.jobs;

/**
 * One item a job refused: an {@code import-error} of a profile import, or an entry of a catalog job's {@code errors}.
 *
 * @param pointer         where in the submitted item the problem is, e.g. {@code /data/attributes/email}
 * @param originalPayload the item as submitted (JSON text), when Klaviyo returns it
 */
public record JobError(String id, String code, String title, String detail, String pointer, String originalPayload) {
}
