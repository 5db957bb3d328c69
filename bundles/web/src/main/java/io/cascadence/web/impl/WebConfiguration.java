package io.cascadence.web.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The web bundle's configuration, PID {@value #PID} ({@code config/io.cascadence.web.cfg}). The core's
 * ConfigurationPlugin hands it the effective values, with the YAML file and the environment variables applied and
 * every value checked; the defaults here only apply when the core is not there to do so.
 */
@ObjectClassDefinition(id = WebConfiguration.PID, name = "Cascadence web",
        description = "The REST API. The CASCADENCE_CONFIG YAML file and environment variables override these "
                + "values.")
public @interface WebConfiguration {

    /** The PID, which the core's catalogue of keys names too. */
    String PID = "io.cascadence.web";

    @AttributeDefinition(description = "Seconds POST /tasks/{name}/run waits for the result before it answers 202 "
            + "with the run id (env CASCADENCE_SYNC_WAIT)")
    double sync__wait() default 30;

    @AttributeDefinition(description = "Largest HTTP request body read, in bytes; a larger one is refused with 413 "
            + "(env CASCADENCE_MAX_BODY_SIZE)")
    int max__body__size() default 1048576;

    @AttributeDefinition(description = "API tokens, comma-separated: TOKEN, TOKEN=USER or TOKEN=USER:GROUP; when set, "
            + "requests in api_tokens_scope need Authorization: Bearer TOKEN (env CASCADENCE_API_TOKENS)")
    String api__tokens() default "";

    @AttributeDefinition(description = "Which requests need a token when api_tokens is set: writes (every method "
            + "but GET, HEAD and OPTIONS) or all (env CASCADENCE_API_TOKENS_SCOPE)")
    String api__tokens__scope() default "writes";

    @AttributeDefinition(description = "Host names requests may address besides localhost, 127.0.0.1, [::1] and, "
            + "when HTTP listens beyond loopback, this machine's names and addresses; * allows any "
            + "(env CASCADENCE_ALLOWED_HOSTS)")
    String allowed__hosts() default "";

    @AttributeDefinition(description = "Origins browsers may call the API from (CORS), comma-separated, or * "
            + "(env CASCADENCE_CORS_ORIGINS)")
    String cors__origins() default "";

    @AttributeDefinition(description = "A second HTTP port that serves only POST /webhook/{source}; 0 for none "
            + "(env CASCADENCE_WEBHOOK_PORT)")
    int webhook__port() default 0;

    @AttributeDefinition(description = "Address the webhook_port listener binds to (env CASCADENCE_WEBHOOK_HOST)")
    String webhook__host() default "0.0.0.0";
}
