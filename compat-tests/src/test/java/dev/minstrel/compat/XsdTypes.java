package dev.minstrel.compat;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the Subsonic XSD declares for each complex type: its child elements (their type and
 * whether they may repeat) and the JSON kind of its attributes (number, boolean or string), with
 * base types followed. Used by {@link XmlJsonParity} for the schema rules of the JSON mapping;
 * null when the XSD is not at hand (see {@link XsdValidator#xsd()}).
 */
final class XsdTypes {

    private static final String XS = "http://www.w3.org/2001/XMLSchema";
    private static final Set<String> NUMBERS = Set.of("int", "long", "short", "byte", "integer", "double", "float",
            "decimal", "nonNegativeInteger", "positiveInteger", "unsignedInt", "unsignedLong");
    private static volatile XsdTypes instance;
    private static volatile boolean loaded;

    /** A declared child element: its complex type (null for simple content) and whether it repeats. */
    record Child(String type, boolean repeats) {
    }

    private final Map<String, Element> complexTypes = new HashMap<>();
    private final Map<String, String> simpleBases = new HashMap<>();

    private XsdTypes(Document xsd) {
        NodeList types = xsd.getDocumentElement().getChildNodes();
        for (int i = 0; i < types.getLength(); i++) {
            if (types.item(i) instanceof Element type && XS.equals(type.getNamespaceURI())) {
                if (type.getLocalName().equals("complexType")) {
                    complexTypes.put(type.getAttribute("name"), type);
                } else if (type.getLocalName().equals("simpleType")) {
                    NodeList restriction = type.getElementsByTagNameNS(XS, "restriction");
                    if (restriction.getLength() > 0) {
                        simpleBases.put(type.getAttribute("name"), local(((Element) restriction.item(0)).getAttribute("base")));
                    }
                }
            }
        }
    }

    /** The declarations of the XSD at this path. */
    static XsdTypes read(Path xsd) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return new XsdTypes(factory.newDocumentBuilder().parse(xsd.toFile()));
        } catch (Exception e) {
            throw new AssertionError("cannot read the XSD " + xsd + ": " + e, e);
        }
    }

    static XsdTypes instance() {
        if (!loaded) {
            synchronized (XsdTypes.class) {
                if (!loaded) {
                    Path xsd = XsdValidator.xsd();
                    if (xsd != null) {
                        instance = read(xsd);
                    }
                    loaded = true;
                }
            }
        }
        return instance;
    }

    /** The declared child element of a type, or null when the XSD does not declare it there. */
    Child child(String type, String name) {
        Element declaration = find(type, "element", name);
        if (declaration == null) {
            return null;
        }
        String max = declaration.getAttribute("maxOccurs");
        boolean repeats = max.equals("unbounded") || (!max.isEmpty() && Integer.parseInt(max) > 1);
        String childType = local(declaration.getAttribute("type"));
        return new Child(complexTypes.containsKey(childType) ? childType : null, repeats);
    }

    /** "number", "boolean" or "string" for a declared attribute of a type; null when not declared. */
    String attributeKind(String type, String name) {
        Element declaration = find(type, "attribute", name);
        if (declaration == null) {
            return null;
        }
        String base = local(declaration.getAttribute("type"));
        while (simpleBases.containsKey(base)) {
            base = simpleBases.get(base);
        }
        return NUMBERS.contains(base) ? "number" : base.equals("boolean") ? "boolean" : "string";
    }

    private Element find(String type, String kind, String name) {
        Element complex = complexTypes.get(type);
        if (complex == null) {
            return null;
        }
        NodeList declarations = complex.getElementsByTagNameNS(XS, kind);
        for (int i = 0; i < declarations.getLength(); i++) {
            Element declaration = (Element) declarations.item(i);
            if (declaration.getAttribute("name").equals(name)) {
                return declaration;
            }
        }
        NodeList extensions = complex.getElementsByTagNameNS(XS, "extension");
        for (int i = 0; i < extensions.getLength(); i++) {
            Element found = find(local(((Element) extensions.item(i)).getAttribute("base")), kind, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String local(String qualified) {
        int colon = qualified.indexOf(':');
        return colon < 0 ? qualified : qualified.substring(colon + 1);
    }
}
