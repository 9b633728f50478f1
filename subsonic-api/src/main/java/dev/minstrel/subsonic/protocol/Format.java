package dev.minstrel.subsonic.protocol;

import org.springframework.http.MediaType;

import java.util.regex.Pattern;

/** The response format a client asked for with {@code f} (and {@code callback} for JSONP). */
public record Format(Kind kind, String callback) {

    public enum Kind { XML, JSON, JSONP }

    public static final MediaType XML_TYPE = MediaType.parseMediaType("text/xml;charset=UTF-8");
    public static final MediaType JSON_TYPE = MediaType.APPLICATION_JSON;
    public static final MediaType JSONP_TYPE = MediaType.parseMediaType("application/javascript;charset=UTF-8");

    public static final Format XML = new Format(Kind.XML, null);
    public static final Format JSON = new Format(Kind.JSON, null);

    /** A JavaScript identifier path such as {@code cb} or {@code jQuery123.done}; nothing that could inject script. */
    private static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    /**
     * The format of {@code params}. Anything but json/jsonp means XML, the protocol's default. A
     * JSONP call with a missing or unsafe callback is answered in plain JSON with error 10.
     */
    public static Format of(Params params) {
        String f = params.string("f").orElse("xml");
        if (f.equalsIgnoreCase("json")) {
            return JSON;
        }
        if (f.equalsIgnoreCase("jsonp")) {
            String callback = params.string("callback").orElse("");
            if (!CALLBACK.matcher(callback).matches() || callback.length() > 100) {
                return JSON;
            }
            return new Format(Kind.JSONP, callback);
        }
        return XML;
    }

    public static void checkCallback(Params params) {
        if (params.string("f").orElse("").equalsIgnoreCase("jsonp") && Format.of(params).kind() != Kind.JSONP) {
            throw new SubsonicException(ErrorCode.MISSING_PARAMETER,
                    "Parameter 'callback' must be a JavaScript identifier when f=jsonp");
        }
    }

    public MediaType mediaType() {
        return switch (kind) {
            case XML -> XML_TYPE;
            case JSON -> JSON_TYPE;
            case JSONP -> JSONP_TYPE;
        };
    }
}
