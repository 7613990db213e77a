// Draws the app icon at every size the desktop needs: java assets/icons/source/MakeIcon.java assets/icons
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class MakeIcon {
    public static void main(String[] args) throws Exception {
        for (int size : new int[]{16, 32, 48, 64, 128, 256, 512}) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double s = size;
            g.setPaint(new GradientPaint(0, 0, new Color(0x1F6FEB), (float) s, (float) s, new Color(0x8250DF)));
            g.fill(new RoundRectangle2D.Double(s * 0.04, s * 0.04, s * 0.92, s * 0.92, s * 0.28, s * 0.28));
            // A hexagon of six nodes around a centre: many contributors, one market.
            double cx = s / 2, cy = s / 2, r = s * 0.27, node = s * 0.085;
            g.setStroke(new BasicStroke((float) Math.max(1, s * 0.035), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(new Color(255, 255, 255, 200));
            Path2D hex = new Path2D.Double();
            for (int i = 0; i < 6; i++) {
                double a = Math.toRadians(60 * i - 90);
                double x = cx + r * Math.cos(a), y = cy + r * Math.sin(a);
                if (i == 0) hex.moveTo(x, y); else hex.lineTo(x, y);
                g.draw(new Line2D.Double(cx, cy, x, y));
            }
            hex.closePath();
            g.draw(hex);
            g.setColor(Color.WHITE);
            for (int i = 0; i < 6; i++) {
                double a = Math.toRadians(60 * i - 90);
                double x = cx + r * Math.cos(a), y = cy + r * Math.sin(a);
                g.fill(new Ellipse2D.Double(x - node, y - node, 2 * node, 2 * node));
            }
            g.fill(new Ellipse2D.Double(cx - node * 1.5, cy - node * 1.5, 3 * node, 3 * node));
            g.dispose();
            ImageIO.write(img, "png", new File(args[0] + "/datagora-" + size + ".png"));
        }
    }
}
