package dev.nsbridge.sandbox.klaviyo;

import dev.nsbridge.sandbox.MovableClock;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The running sandbox: a Javalin server in front of the pipeline, the store and the views tests read. */
final class KlaviyoServer implements KlaviyoSandbox {
    /** A 5 MB bulk body plus JSON:API framing must reach the handler, which then applies Klaviyo's own limits. */
    private static final long MAX_REQUEST_BYTES = 6L * 1024 * 1024;
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PATCH,
            HandlerType.PUT, HandlerType.DELETE);

    private final Javalin app;
    private final URI baseUrl;
    private final String privateApiKey;
    private final MovableClock clock;
    private final SandboxKnobs knobs;
    private final RequestLog log;
    private final KlaviyoStore store;
    private final Events events;
    private final ListsAndConsent lists;
    private final Catalog catalog;
    private final CatalogVariants variants;
    private final Suppressions suppressions;

    private KlaviyoServer(Options options) {
        KlaviyoContract contract = KlaviyoContract.shared();
        Ids ids = new Ids(options.seed());
        this.clock = options.clock();
        this.privateApiKey = "pk_" + ids.alphanumeric(34);
        String publicApiKey = ids.alphanumeric(6);
        this.store = new KlaviyoStore(ids, clock);
        this.knobs = new SandboxKnobs(store);
        this.log = new RequestLog();
        this.lists = new ListsAndConsent(store);
        this.events = new Events(store);
        this.catalog = new Catalog(store);
        this.variants = new CatalogVariants(catalog);
        this.suppressions = new Suppressions(store, lists);
        Profiles profiles = new Profiles(store, lists);
        KlaviyoRoutes routes = new KlaviyoRoutes(new KlaviyoRoutes.Parts(profiles, new ProfileQuery(store, lists),
                new ProfileImportJobs(store, profiles), events, new EventQuery(store, events), lists,
                new ListMembers(store, lists), suppressions, catalog, variants,
                new CatalogJobs(store, catalog, variants)),
                publicApiKey, publicApiKey); // Klaviyo's account id is its public key
        RequestPipeline pipeline = new RequestPipeline(contract, new RateLimiter(clock), knobs, store, log,
                new Ids(options.seed() ^ 0x5DEECE66DL), privateApiKey, publicApiKey);
        String[] base = new String[1];
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            routes.handlers().forEach((key, handler) -> {
                KlaviyoContract.Operation operation = contract.operation(key);
                config.routes.addHttpHandler(HandlerType.findOrCreate(operation.method()), operation.template(),
                        ctx -> pipeline.serve(ctx, handler, base[0]));
            });
            // Registered last so the served routes win; answers 410, 401, 404, 405 or 501 as the pipeline decides.
            Function<ApiCall, ApiAnswer> none = null;
            METHODS.forEach(method -> config.routes.addHttpHandler(method, "/*",
                    ctx -> pipeline.serve(ctx, none, base[0])));
        });
        app.start(options.host(), options.port());
        this.baseUrl = URI.create("http://" + options.host() + ":" + app.port());
        base[0] = baseUrl.toString();
    }

    static KlaviyoSandbox start(Options options) {
        return new KlaviyoServer(options);
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public String privateApiKey() {
        return privateApiKey;
    }

    @Override
    public MovableClock clock() {
        return clock;
    }

    @Override
    public Knobs knobs() {
        return knobs;
    }

    @Override
    public List<ReceivedRequest> received() {
        return log.all();
    }

    @Override
    public List<KlaviyoProfile> profiles() {
        return store.locked(() -> store.profiles.all().stream().map(StoredProfile::view).toList());
    }

    @Override
    public List<KlaviyoEvent> events() {
        return store.locked(events::views);
    }

    @Override
    public List<KlaviyoList> lists() {
        return store.locked(lists::views);
    }

    @Override
    public List<KlaviyoSubscription> subscriptions() {
        return store.locked(lists::subscriptions);
    }

    @Override
    public List<KlaviyoSuppression> suppressions() {
        return store.locked(() -> store.profiles.all().stream().flatMap(p -> p.suppressions.stream()).toList());
    }

    @Override
    public List<KlaviyoCatalogItem> catalogItems() {
        return store.locked(catalog::views);
    }

    @Override
    public List<KlaviyoCatalogVariant> catalogVariants() {
        return store.locked(variants::views);
    }

    @Override
    public List<KlaviyoJob> jobs() {
        return store.locked(store.jobs::all);
    }

    @Override
    public String suppress(String email, SuppressionReason reason, Instant timestamp) {
        return store.locked(() -> suppressions.suppress(email, reason, timestamp));
    }

    @Override
    public String startupJson() {
        return JsonApi.object().put("baseUrl", baseUrl.toString()).put("privateApiKey", privateApiKey).toString();
    }

    @Override
    public void close() {
        app.stop();
    }

    @Override
    public String toString() {
        return "KlaviyoSandbox[" + baseUrl + ", privateApiKey=[hidden]]";
    }
}
