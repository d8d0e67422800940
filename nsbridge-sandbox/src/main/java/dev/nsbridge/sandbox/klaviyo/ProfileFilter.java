package dev.nsbridge.sandbox.klaviyo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Filters on profiles, with the fields and operators the spec lists for each endpoint (its {@code filter}
 * parameter's description): {@code GET /api/profiles}, and a list's members ({@code GET /api/lists/{id}/profiles}
 * and its relationship), which filter on {@code joined_group_at} instead. A field or operator the endpoint does not
 * list is refused with 400, as Klaviyo refuses it. Not served: {@code _kx} and {@code push_token}, which need
 * tracking links and push tokens the sandbox does not keep.
 */
final class ProfileFilter {
    static final String SUPPRESSION_TIMESTAMP = "subscriptions.email.marketing.suppression.timestamp";
    private static final String SUPPRESSION_REASON = "subscriptions.email.marketing.suppression.reason";
    private static final String LIST_SUPPRESSION = "subscriptions.email.marketing.list_suppressions.";

    private ProfileFilter() {
    }

    /** {@code GET /api/profiles}. */
    static Predicate<StoredProfile> profiles(String filter) {
        Predicate<StoredProfile> all = profile -> true;
        for (FilterTerms.Term term : FilterTerms.parse(filter)) {
            all = all.and(profileTerm(term));
        }
        return all;
    }

    /** A list's members; {@code joinedAt} answers when a member joined the list. */
    static Predicate<StoredProfile> listMembers(String filter, Function<StoredProfile, Instant> joinedAt) {
        Predicate<StoredProfile> all = profile -> true;
        for (FilterTerms.Term term : FilterTerms.parse(filter)) {
            Predicate<StoredProfile> one = switch (term.field()) {
                case "email", "phone_number" -> identifierTerm(term);
                case "joined_group_at" -> compared(term, joinedAt, true);
                default -> throw term.unsupported();
            };
            all = all.and(one);
        }
        return all;
    }

    private static Predicate<StoredProfile> profileTerm(FilterTerms.Term term) {
        return switch (term.field()) {
            case "id", "email", "phone_number", "external_id" -> identifierTerm(term);
            case "created" -> compared(term, profile -> profile.created, false);
            case "updated" -> compared(term, profile -> profile.updated, false);
            case SUPPRESSION_REASON -> reasonTerm(term, profile -> profile.suppressions.stream()
                    .map(s -> s.reason().name()).toList());
            case SUPPRESSION_TIMESTAMP -> anyCompared(term, profile -> profile.suppressions.stream()
                    .map(KlaviyoSuppression::timestamp).toList());
            case LIST_SUPPRESSION + "reason" -> reasonTerm(term, profile -> profile.listSuppressions.stream()
                    .map(s -> s.reason().name()).toList());
            case LIST_SUPPRESSION + "list_id" -> reasonTerm(term, profile -> profile.listSuppressions.stream()
                    .map(StoredProfile.ListSuppression::listId).toList());
            case LIST_SUPPRESSION + "timestamp" -> anyCompared(term, profile -> profile.listSuppressions.stream()
                    .map(StoredProfile.ListSuppression::timestamp).toList());
            default -> throw term.unsupported();
        };
    }

    /** {@code equals} or {@code any} on an identifier; emails match whatever their case, as in Klaviyo. */
    private static Predicate<StoredProfile> identifierTerm(FilterTerms.Term term) {
        if (!term.operator().equals("equals") && !term.operator().equals("any")) {
            throw term.unsupported();
        }
        List<String> wanted = term.list();
        String field = term.field();
        return profile -> {
            String actual = field.equals("id") ? profile.id : profile.text(field);
            return actual != null && wanted.stream().anyMatch(value -> field.equals("email")
                    ? value.equalsIgnoreCase(actual) : value.equals(actual));
        };
    }

    private static Predicate<StoredProfile> reasonTerm(FilterTerms.Term term,
                                                       Function<StoredProfile, List<String>> values) {
        if (!term.operator().equals("equals")) {
            throw term.unsupported();
        }
        String wanted = term.text();
        return profile -> values.apply(profile).contains(wanted);
    }

    /** @param orEqual whether the field also allows greater-or-equal and less-or-equal */
    private static Predicate<StoredProfile> compared(FilterTerms.Term term, Function<StoredProfile, Instant> value,
                                                     boolean orEqual) {
        IntPredicate accept = FilterTerms.comparison(term.operator());
        if (accept == null || !orEqual && term.operator().endsWith("-or-equal")) {
            throw term.unsupported();
        }
        Instant bound = term.instant();
        return profile -> {
            Instant actual = value.apply(profile);
            return actual != null && accept.test(actual.compareTo(bound));
        };
    }

    private static Predicate<StoredProfile> anyCompared(FilterTerms.Term term,
                                                        Function<StoredProfile, List<Instant>> values) {
        IntPredicate accept = FilterTerms.comparison(term.operator());
        if (accept == null) {
            throw term.unsupported();
        }
        Instant bound = term.instant();
        return profile -> values.apply(profile).stream().filter(Objects::nonNull)
                .anyMatch(at -> accept.test(at.compareTo(bound)));
    }
}
