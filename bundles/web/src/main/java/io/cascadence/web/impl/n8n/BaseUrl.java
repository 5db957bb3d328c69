package io.cascadence.web.impl.n8n;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.cascadence.api.InvalidRequestException;

/** The base URL n8n calls the run route under: an absolute http or https URL with a host. */
public final class BaseUrl {

    private BaseUrl() {
    }

    /**
     * Parses and checks a base URL given as text.
     *
     * @param name how the user gave it, for the message ({@code base_url})
     * @throws InvalidRequestException naming {@code name}, the value and what is accepted
     */
    public static String parse(String name, String text) {
        try {
            return check(name, new URI(text == null ? "" : text.strip()));
        } catch (URISyntaxException e) {
            throw refused(name, text, "it is not a URL (" + e.getReason() + ")");
        }
    }

    /**
     * The base as the run route's prefix: scheme, host, port and path, without a trailing slash.
     *
     * @throws InvalidRequestException naming {@code name}, the value and what is accepted
     */
    public static String check(String name, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(name, url.toString(), "its scheme must be http or https");
        }
        if (url.getRawAuthority() == null || url.getHost() == null) {
            throw refused(name, url.toString(), "it has no host");
        }
        if (url.getRawUserInfo() != null) {
            throw refused(name, url.toString(), "it must not carry a user or password, which would be written "
                    + "into the workflow");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw refused(name, url.toString(), "it must not have a query or fragment");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        return scheme + "://" + url.getRawAuthority() + path;
    }

    private static InvalidRequestException refused(String name, String value, String why) {
        return new InvalidRequestException(name + " '" + value + "' is not accepted: " + why + "; expected an "
                + "absolute http or https URL such as http://127.0.0.1:8000");
    }
}
