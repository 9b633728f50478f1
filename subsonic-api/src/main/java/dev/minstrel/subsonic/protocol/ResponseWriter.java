package dev.minstrel.subsonic.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.minstrel.subsonic.model.ChildElement;
import dev.minstrel.subsonic.model.Payloads;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.JacksonXmlAnnotationIntrospector;
import tools.jackson.dataformat.xml.XmlMapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlText;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the Subsonic envelope and its payload as XML, JSON or JSONP bytes. The payload records
 * are serialised by Jackson (XmlMapper and JsonMapper with the same rules); the envelope is
 * written here because its payload element changes name per call. The bytes go out as they are,
 * never through WebFlux's Jackson XML encoder, which in Spring Framework 7.0 throws on every
 * single value ("Stream encoding is currently not supported").
 *
 * <p>XML rules: every element is in the {@code http://subsonic.org/restapi} namespace (Jackson
 * would otherwise write {@code xmlns=""} on nested elements, which namespace-aware clients do not
 * find); a scalar component becomes an attribute unless marked {@link ChildElement}; a list becomes
 * repeated elements without a wrapper; {@link JacksonXmlText} becomes the element's text. In JSON
 * the same component is a typed property, a list is always an array, the text is {@code value}.
 */
public final class ResponseWriter {

    public static final String NAMESPACE = "http://subsonic.org/restapi";

    private static final byte[] PAYLOAD_NAMESPACE = (" xmlns=\"" + NAMESPACE + "\"").getBytes(StandardCharsets.UTF_8);

    private final XmlMapper xml;
    private final JsonMapper json;
    private final SubsonicSettings settings;
    private final Map<String, ObjectWriter> xmlWriters = new ConcurrentHashMap<>();
    /** The envelope's opening by status: the same bytes on every call. */
    private final Map<String, byte[]> xmlHeads = new ConcurrentHashMap<>();
    private final Map<String, byte[]> jsonHeads = new ConcurrentHashMap<>();

    public ResponseWriter(SubsonicSettings settings) {
        this.settings = settings;
        JsonInclude.Value omitEmpty = JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY);
        this.xml = XmlMapper.builder()
                .annotationIntrospector(new SubsonicXmlIntrospector())
                .addModule(CleanStrings.module())
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .changeDefaultPropertyInclusion(incl -> omitEmpty)
                .build();
        this.json = JsonMapper.builder()
                .addModule(CleanStrings.module())
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .changeDefaultPropertyInclusion(incl -> omitEmpty)
                .build();
    }

    public byte[] ok(Format format, Reply reply) {
        return write(format, "ok", reply);
    }

    public byte[] failed(Format format, ErrorCode code, String message) {
        return write(format, "failed", Reply.of("error", new Payloads.Error(code.code(), message, null)));
    }

    private byte[] write(Format format, String status, Reply reply) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(reply.isEmpty() ? 256 : 4096);
        if (format.kind() == Format.Kind.XML) {
            writeXml(out, status, reply);
        } else {
            if (format.kind() == Format.Kind.JSONP) {
                out.writeBytes((format.callback() + "(").getBytes(StandardCharsets.UTF_8));
            }
            writeJson(out, status, reply);
            if (format.kind() == Format.Kind.JSONP) {
                out.writeBytes(");".getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private void writeXml(ByteArrayOutputStream out, String status, Reply reply) {
        out.writeBytes(xmlHeads.computeIfAbsent(status, s -> ("<subsonic-response xmlns=\"" + NAMESPACE + "\" status=\""
                + s + "\" version=\"" + SubsonicSettings.PROTOCOL_VERSION + "\" type=\"" + escapeXml(settings.type())
                + "\" serverVersion=\"" + escapeXml(settings.serverVersion()) + "\" openSubsonic=\"true\"")
                .getBytes(StandardCharsets.UTF_8)));
        if (reply.isEmpty()) {
            out.writeBytes("/>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        out.write('>');
        ObjectWriter writer = xmlWriters.computeIfAbsent(reply.element(),
                name -> xml.writer().withRootName(PropertyName.construct(name, NAMESPACE)));
        if (reply.body() instanceof Collection<?> items) {
            for (Object item : items) {
                writeElement(out, writer, item);
            }
        } else {
            writeElement(out, writer, reply.body());
        }
        out.writeBytes("</subsonic-response>".getBytes(StandardCharsets.UTF_8));
    }

    /** The payload element, without the namespace declaration it repeats from the envelope. */
    private static void writeElement(ByteArrayOutputStream out, ObjectWriter writer, Object body) {
        byte[] element = writer.writeValueAsBytes(body);
        int declaration = indexOf(element, PAYLOAD_NAMESPACE, firstTagEnd(element));
        if (declaration < 0) {
            out.writeBytes(element);
            return;
        }
        out.write(element, 0, declaration);
        int rest = declaration + PAYLOAD_NAMESPACE.length;
        out.write(element, rest, element.length - rest);
    }

    private static int firstTagEnd(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '>') {
                return i;
            }
        }
        return bytes.length;
    }

    private static int indexOf(byte[] bytes, byte[] part, int limit) {
        outer:
        for (int i = 0; i + part.length <= limit; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void writeJson(ByteArrayOutputStream out, String status, Reply reply) {
        out.writeBytes(jsonHeads.computeIfAbsent(status, s -> ("{\"subsonic-response\":{\"status\":\"" + s
                + "\",\"version\":\"" + SubsonicSettings.PROTOCOL_VERSION + "\",\"type\":" + json.writeValueAsString(settings.type())
                + ",\"serverVersion\":" + json.writeValueAsString(settings.serverVersion()) + ",\"openSubsonic\":true")
                .getBytes(StandardCharsets.UTF_8)));
        if (!reply.isEmpty()) {
            out.writeBytes((",\"" + reply.element() + "\":").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(json.writeValueAsBytes(reply.body()));
        }
        out.writeBytes("}}".getBytes(StandardCharsets.UTF_8));
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    /** Scalars as attributes, everything else as elements in the Subsonic namespace. */
    private static final class SubsonicXmlIntrospector extends JacksonXmlAnnotationIntrospector {

        private static final List<Class<?>> SCALARS = List.of(CharSequence.class, Number.class, Boolean.class, Enum.class);

        SubsonicXmlIntrospector() {
            super(false);
        }

        @Override
        public Boolean isOutputAsAttribute(MapperConfig<?> config, Annotated annotated) {
            if (annotated.hasAnnotation(ChildElement.class) || annotated.hasAnnotation(JacksonXmlText.class)) {
                return false;
            }
            Class<?> type = annotated.getRawType();
            return type.isPrimitive() || SCALARS.stream().anyMatch(s -> s.isAssignableFrom(type));
        }

        @Override
        public String findNamespace(MapperConfig<?> config, Annotated annotated) {
            return Boolean.TRUE.equals(isOutputAsAttribute(config, annotated)) ? null : NAMESPACE;
        }
    }
}
