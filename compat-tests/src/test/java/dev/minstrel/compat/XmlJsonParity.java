package dev.minstrel.compat;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that a JSON response carries the same data as its XML twin under the Subsonic JSON
 * mapping (PROTOCOL.md 2.2): attributes become typed fields, child elements become objects or
 * arrays of objects, element text becomes {@code value}. Where the XSD is at hand, the mapping's
 * schema rules are checked too: an element the schema lets repeat is always a JSON array (even
 * with one item) and one it does not is never an array (rule 3), and attributes the schema types
 * as numbers or booleans are JSON numbers or booleans, never quoted (rule 5). Elements and
 * attributes the XSD does not declare (OpenSubsonic additions) are compared by value only.
 * Differences are listed with their paths.
 */
public final class XmlJsonParity {

    private XmlJsonParity() {
    }

    public static List<String> differences(Element xml, JsonNode json) {
        return differences(xml, json, XsdTypes.instance());
    }

    /** As {@link #differences(Element, JsonNode)}, with the schema rules of the given XSD (none when null). */
    static List<String> differences(Element xml, JsonNode json, XsdTypes schema) {
        List<String> differences = new ArrayList<>();
        compare("subsonic-response", xml, json, schema, schema == null ? null : "Response", differences);
        return differences;
    }

    /**
     * Values the server works out from the time of the call (a playing song's position), so the
     * XML and the JSON asked a moment apart differ honestly; only their presence is compared.
     */
    private static final Set<String> MOVES_WITH_THE_CLOCK = Set.of("positionMs", "minutesAgo");

    private static void compare(String path, Element xml, JsonNode json, XsdTypes schema, String type,
                                List<String> out) {
        if (!json.isObject()) {
            out.add(path + ": JSON is " + json.getNodeType() + ", XML is an element");
            return;
        }
        Set<String> xmlKeys = new TreeSet<>();
        NamedNodeMap attributes = xml.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (attribute.getName().startsWith("xmlns")) {
                continue;
            }
            xmlKeys.add(attribute.getLocalName());
            JsonNode value = json.get(attribute.getLocalName());
            if (value == null) {
                out.add(path + "/@" + attribute.getLocalName() + ": missing in JSON");
            } else if (!MOVES_WITH_THE_CLOCK.contains(attribute.getLocalName())
                    && !sameScalar(attribute.getValue(), value)) {
                out.add(path + "/@" + attribute.getLocalName() + ": XML " + attribute.getValue() + " vs JSON " + value);
            } else if (schema != null && type != null) {
                String expected = schema.attributeKind(type, attribute.getLocalName());
                if (expected != null && !expected.equals(kind(value))) {
                    out.add(path + "/@" + attribute.getLocalName() + ": the XSD makes it a " + expected + ", JSON has "
                            + value);
                }
            }
        }
        Map<String, List<Element>> children = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Node child = xml.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.computeIfAbsent(element.getLocalName(), k -> new ArrayList<>()).add(element);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        for (var entry : children.entrySet()) {
            xmlKeys.add(entry.getKey());
            JsonNode value = json.get(entry.getKey());
            String childPath = path + "/" + entry.getKey();
            XsdTypes.Child declared = schema == null || type == null ? null : schema.child(type, entry.getKey());
            String childType = declared == null ? null : declared.type();
            if (value != null && declared != null && declared.repeats() != value.isArray()) {
                out.add(childPath + ": the XSD makes it " + (declared.repeats() ? "a list, so a JSON array"
                        : "a single element, so not a JSON array") + ", JSON has " + value.getNodeType());
            }
            if (value == null) {
                out.add(childPath + ": missing in JSON");
            } else if (value.isArray()) {
                if (value.size() != entry.getValue().size()) {
                    out.add(childPath + ": " + entry.getValue().size() + " in XML vs " + value.size() + " in JSON");
                }
                for (int i = 0; i < Math.min(value.size(), entry.getValue().size()); i++) {
                    compareChild(childPath + "[" + i + "]", entry.getValue().get(i), value.get(i), schema, childType, out);
                }
            } else if (entry.getValue().size() > 1) {
                out.add(childPath + ": repeated in XML but not an array in JSON");
            } else {
                compareChild(childPath, entry.getValue().get(0), value, schema, childType, out);
            }
        }
        if (!text.toString().isBlank() || json.has("value")) {
            xmlKeys.add("value");
            JsonNode value = json.get("value");
            if (value == null || !value.asString().equals(text.toString())) {
                out.add(path + ": text '" + text + "' vs JSON value " + value);
            }
        }
        for (String key : json.propertyNames()) {
            if (!xmlKeys.contains(key)) {
                JsonNode value = json.get(key);
                boolean emptyList = value.isArray() && value.isEmpty();
                boolean emptyObject = value.isObject() && value.isEmpty();
                if (!emptyList && !emptyObject) {
                    out.add(path + "/" + key + ": in JSON only (" + value + ")");
                }
            }
        }
    }

    /** A child element with only text maps either to an object with value or, in lists of strings, to the string. */
    private static void compareChild(String path, Element xml, JsonNode json, XsdTypes schema, String type,
                                     List<String> out) {
        if (json.isValueNode()) {
            if (xml.getAttributes().getLength() > 0 || !sameScalar(xml.getTextContent(), json)) {
                out.add(path + ": XML " + (xml.getAttributes().getLength() > 0 ? "element with attributes"
                        : "text '" + xml.getTextContent() + "'") + " vs JSON scalar " + json);
            }
            return;
        }
        compare(path, xml, json, schema, type, out);
    }

    private static String kind(JsonNode value) {
        return value.isNumber() ? "number" : value.isBoolean() ? "boolean" : value.isString() ? "string" : "structure";
    }

    private static boolean sameScalar(String xml, JsonNode json) {
        if (json.isNumber()) {
            try {
                return Double.parseDouble(xml) == json.asDouble();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (json.isBoolean()) {
            return xml.equals(Boolean.toString(json.asBoolean()));
        }
        return json.isString() && xml.equals(json.asString());
    }
}
