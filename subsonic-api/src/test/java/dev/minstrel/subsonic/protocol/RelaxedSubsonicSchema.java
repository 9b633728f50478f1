package dev.minstrel.subsonic.protocol;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The official 1.16.1 XSD, relaxed for the OpenSubsonic additions: walk the response along the
 * schema's types, drop only the attributes and child elements the XSD does not declare for that
 * type (the OpenSubsonic additions; the XSD has no wildcards), then validate the rest strictly:
 * required attributes, value types, element order and nesting.
 */
final class RelaxedSubsonicSchema {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final String NS = ResponseWriter.NAMESPACE;

    private final Schema schema;
    private final Map<String, Element> types = new HashMap<>();
    private final Map<String, String> rootElements = new HashMap<>();

    RelaxedSubsonicSchema(Path xsd) throws Exception {
        schema = SchemaFactory.newInstance(XS).newSchema(xsd.toFile());
        Element root = parse(Files.readAllBytes(xsd)).getDocumentElement();
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && XS.equals(e.getNamespaceURI())) {
                if (e.getLocalName().equals("complexType")) {
                    types.put(e.getAttribute("name"), e);
                } else if (e.getLocalName().equals("element")) {
                    rootElements.put(e.getAttribute("name"), local(e.getAttribute("type")));
                }
            }
        }
    }

    /** What was left out as not in the XSD; throws when the rest is invalid. */
    List<String> validate(byte[] response) throws Exception {
        Document doc = parse(response);
        Element root = doc.getDocumentElement();
        if (!NS.equals(root.getNamespaceURI()) || !root.getLocalName().equals("subsonic-response")) {
            throw new AssertionError("root is not {" + NS + "}subsonic-response");
        }
        List<String> removed = new ArrayList<>();
        prune(root, rootElements.get("subsonic-response"), removed, "subsonic-response");
        schema.newValidator().validate(new DOMSource(doc));
        return removed;
    }

    private void prune(Element element, String type, List<String> removed, String path) {
        Set<String> allowed = attributes(type);
        NamedNodeMap attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Node attribute = attributes.item(i);
            String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getNodeName();
            if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI()) && !allowed.contains(name)) {
                removed.add(path + "/@" + name);
                element.removeAttributeNode((Attr) attribute);
            }
        }
        Map<String, String> kids = children(type);
        List<Element> childElements = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e) {
                childElements.add(e);
            }
        }
        for (Element child : childElements) {
            String name = child.getLocalName();
            if (!kids.containsKey(name)) {
                removed.add(path + "/" + name);
                element.removeChild(child);
            } else if (kids.get(name) != null && types.containsKey(kids.get(name))) {
                prune(child, kids.get(name), removed, path + "/" + name);
            }
        }
    }

    private Set<String> attributes(String type) {
        Set<String> names = new HashSet<>();
        Element node = types.get(type);
        if (node != null) {
            NodeList list = node.getElementsByTagNameNS(XS, "attribute");
            for (int i = 0; i < list.getLength(); i++) {
                names.add(((Element) list.item(i)).getAttribute("name"));
            }
            String base = base(node);
            if (base != null) {
                names.addAll(attributes(base));
            }
        }
        return names;
    }

    private Map<String, String> children(String type) {
        Map<String, String> kids = new HashMap<>();
        Element node = types.get(type);
        if (node != null) {
            String base = base(node);
            if (base != null) {
                kids.putAll(children(base));
            }
            NodeList list = node.getElementsByTagNameNS(XS, "element");
            for (int i = 0; i < list.getLength(); i++) {
                Element e = (Element) list.item(i);
                kids.put(e.getAttribute("name"), e.hasAttribute("type") ? local(e.getAttribute("type")) : null);
            }
        }
        return kids;
    }

    private static String base(Element type) {
        NodeList extensions = type.getElementsByTagNameNS(XS, "extension");
        return extensions.getLength() == 0 ? null : local(((Element) extensions.item(0)).getAttribute("base"));
    }

    private static String local(String name) {
        return name.substring(name.indexOf(':') + 1);
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
