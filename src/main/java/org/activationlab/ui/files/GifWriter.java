package org.activationlab.ui.files;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An animated GIF through the JDK's own ImageIO GIF writer: looping (the NETSCAPE2.0 extension),
 * one palette for the whole animation made from the chart's own flat colours, and every frame
 * after the first stored as the pixels that changed (the rest transparent, drawn over the
 * previous frame), which is what keeps 100 frames of 1280×720 at a few megabytes.
 *
 * <p>The palette: the 255 most frequent colours of the first frame (charts are a few flat
 * colours plus their anti-aliased edges), the 256th index transparent; other colours go to the
 * nearest palette colour.
 */
public final class GifWriter implements AutoCloseable {

    private static final int TRANSPARENT = 255;

    private final ImageOutputStream out;
    private final ImageWriter writer;
    private final int delayCentiseconds;
    private IndexColorModel palette;
    private final Map<Integer, Byte> nearest = new HashMap<>();
    private byte[] previous;
    private int width;
    private int height;
    private int frames;

    /**
     * @param fps frames per second (GIF delays are in hundredths of a second: 20 fps is 5)
     */
    public GifWriter(ImageOutputStream out, double fps) {
        if (!(fps > 0 && fps <= 50)) {
            throw new IllegalArgumentException("fps must be in (0, 50], got " + fps);
        }
        this.out = out;
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        this.delayCentiseconds = Math.max(2, (int) Math.round(100 / fps));
        writer.setOutput(out);
    }

    public int frames() {
        return frames;
    }

    /** Appends a frame; every frame must have the first one's size. */
    public void add(BufferedImage image) throws IOException {
        if (palette == null) {
            width = image.getWidth();
            height = image.getHeight();
            palette = paletteOf(image);
            writer.prepareWriteSequence(null);
        } else if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("frame " + frames + " is " + image.getWidth() + "×"
                    + image.getHeight() + ", the first was " + width + "×" + height);
        }
        byte[] indices = new byte[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                indices[y * width + x] = indexOf(row[x] & 0xFFFFFF);
            }
        }
        byte[] stored = indices;
        if (previous != null) {
            stored = indices.clone();
            for (int i = 0; i < stored.length; i++) {
                if (stored[i] == previous[i]) {
                    stored[i] = (byte) TRANSPARENT;
                }
            }
        }
        previous = indices;
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
        frame.getRaster().setDataElements(0, 0, width, height, stored);
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        configure(metadata, frames == 0);
        writer.writeToSequence(new IIOImage(frame, null, metadata), param);
        frames++;
    }

    private void configure(IIOMetadata metadata, boolean first) throws IIOInvalidTreeException {
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", first ? "FALSE" : "TRUE");
        control.setAttribute("transparentColorIndex", Integer.toString(TRANSPARENT));
        control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
        // The palette, said explicitly: from the default tree the writer falls back to a web palette.
        IIOMetadataNode table = child(root, "LocalColorTable");
        while (table.getFirstChild() != null) {
            table.removeChild(table.getFirstChild());
        }
        table.setAttribute("sizeOfLocalColorTable", "256");
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < 256; i++) {
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString(palette.getRed(i)));
            entry.setAttribute("green", Integer.toString(palette.getGreen(i)));
            entry.setAttribute("blue", Integer.toString(palette.getBlue(i)));
            table.appendChild(entry);
        }
        if (first) {
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = for ever
            extensions.appendChild(loop);
        }
        metadata.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    private byte indexOf(int rgb) {
        Byte known = nearest.get(rgb);
        if (known != null) {
            return known;
        }
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        for (int i = 0; i < TRANSPARENT; i++) {
            int dr = palette.getRed(i) - r;
            int dg = palette.getGreen(i) - g;
            int db = palette.getBlue(i) - b;
            long d = 3L * dr * dr + 4L * dg * dg + 2L * db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        byte index = (byte) best;
        nearest.put(rgb, index);
        return index;
    }

    /** The 255 most frequent colours of {@code image} (padded with grey ramps), index 255 transparent. */
    static IndexColorModel paletteOf(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int argb : row) {
                counts.merge(argb & 0xFFFFFF, 1, Integer::sum);
            }
        }
        List<Map.Entry<Integer, Integer>> byCount = new ArrayList<>(counts.entrySet());
        byCount.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        int n = 0;
        for (Map.Entry<Integer, Integer> e : byCount) {
            if (n == TRANSPARENT) {
                break;
            }
            int rgb = e.getKey();
            r[n] = (byte) (rgb >> 16);
            g[n] = (byte) (rgb >> 8);
            b[n] = (byte) rgb;
            n++;
        }
        // Room left (a very plain first frame): greys, so later colours still find something near.
        for (int i = n; i < TRANSPARENT; i++) {
            int v = (i - n) * 255 / Math.max(1, TRANSPARENT - n - 1);
            r[i] = (byte) v;
            g[i] = (byte) v;
            b[i] = (byte) v;
        }
        return new IndexColorModel(8, 256, r, g, b, TRANSPARENT);
    }

    /** Ends the animation (the GIF trailer); the stream stays open for its owner. */
    @Override
    public void close() throws IOException {
        try {
            if (palette != null) {
                writer.endWriteSequence();
            }
            out.flush();
        } finally {
            writer.dispose();
        }
    }
}
