package dev.minstrel.analytics.card;

import dev.minstrel.analytics.stats.Recap;
import dev.minstrel.analytics.stats.StatsReport.Persona;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A recap drawn as a shareable PNG, 1080 × 1350 (the portrait size social apps show whole): the
 * listener, the period, minutes and listens, the top 5 tracks and artists, the first persona and
 * the busiest hour. Drawn with Java2D in memory; the text is in the logical font "SansSerif",
 * which the JDK maps through fontconfig to an installed font (DejaVu Sans on Debian: the Debian
 * package depends on {@code fonts-dejavu-core}, as the headless JRE ships no font of its own).
 */
public final class RecapCard {

    public static final int WIDTH = 1080;
    public static final int HEIGHT = 1350;
    static final int TOP = 5;

    private static final int MARGIN = 90;
    private static final Color INK = new Color(0xF4F1EA);
    private static final Color MUTED = new Color(0xA9AFBC);
    private static final Color ACCENT = new Color(0xF2B84B);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    static {
        // No screen on the server: without this AWT may look for an X display before drawing into an image.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private RecapCard() {
    }

    /** The card of {@code recap} as PNG bytes. */
    public static byte[] png(Recap recap) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0x171A22), 0, HEIGHT, new Color(0x2B2140)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(ACCENT);
            g.fillRect(MARGIN, 90, 120, 10);
            draw(recap, g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding into memory failed", e);
        }
        return out.toByteArray();
    }

    private static void draw(Recap recap, Graphics2D g) {
        int y = 160;
        y = text(g, "MINSTREL RECAP", font(Font.BOLD, 30), MUTED, y);
        y = text(g, recap.username(), font(Font.BOLD, 76), INK, y + 70);
        y = text(g, periodName(recap), font(Font.PLAIN, 40), ACCENT, y + 54);
        if (recap.listens() == 0) {
            text(g, "No listens in this period yet.", font(Font.PLAIN, 44), INK, y + 200);
            return;
        }
        y = text(g, String.format(Locale.ENGLISH, "%,d", recap.minutesListened()), font(Font.BOLD, 140), INK, y + 170);
        y = text(g, String.format(Locale.ENGLISH, "minutes · %,d listens · %,d artists", recap.listens(),
                recap.distinctArtists()), font(Font.PLAIN, 34), MUTED, y + 52);
        y = list(g, "Top tracks", recap.topTracks(), t -> t.title() + (t.artist() == null ? "" : "  ·  " + t.artist()), y + 100);
        y = list(g, "Top artists", recap.topArtists(), a -> a.name(), y + 60);
        List<Persona> personas = recap.personas();
        String persona = personas.isEmpty() ? "No persona yet" : personaTitle(personas.get(0).id());
        String hour = recap.busiestHour() == null ? "" : String.format("  ·  busiest hour %02d:00", recap.busiestHour());
        text(g, persona + hour, font(Font.BOLD, 36), ACCENT, Math.max(y + 70, HEIGHT - 110));
    }

    private static <T> int list(Graphics2D g, String title, List<T> items, Function<T, String> line, int y) {
        y = text(g, title.toUpperCase(Locale.ENGLISH), font(Font.BOLD, 28), MUTED, y);
        Font font = font(Font.PLAIN, 36);
        int rank = 1;
        for (T item : items.subList(0, Math.min(TOP, items.size()))) {
            y = text(g, rank++ + "  " + line.apply(item), font, INK, y + 50);
        }
        return y;
    }

    /** Draws one line at baseline {@code y}, cut with an ellipsis to the card's width; answers {@code y}. */
    private static int text(Graphics2D g, String text, Font font, Color color, int y) {
        g.setFont(font);
        g.setColor(color);
        g.drawString(fit(text, g.getFontMetrics(), WIDTH - 2 * MARGIN), MARGIN, y);
        return y;
    }

    static String fit(String text, FontMetrics metrics, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 0 && metrics.stringWidth(text.substring(0, end) + "…") > width) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private static Font font(int style, int size) {
        return new Font(Font.SANS_SERIF, style, size);
    }

    /** "2026", "2026 so far", "March 2026". */
    static String periodName(Recap recap) {
        String name = recap.period().length() == 4 ? recap.period() : YearMonth.parse(recap.period()).format(MONTH);
        return recap.soFar() ? name + " so far" : name;
    }

    /** "night-owl" → "Night owl". */
    static String personaTitle(String id) {
        String words = id.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
