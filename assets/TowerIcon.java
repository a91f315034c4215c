import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import java.io.File;

// Draws src/main/resources/dev/tower/app/tower-{32,64,256}.png: java assets/TowerIcon.java src/main/resources/dev/tower/app
public class TowerIcon {
    public static void main(String[] a) throws Exception {
        for (int size : new int[]{32, 64, 256}) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double s = size / 256.0;
            g.scale(s, s);
            g.setPaint(new GradientPaint(0, 0, new Color(0x218BFF), 0, 256, new Color(0x0550AE)));
            g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            // mast
            Path2D mast = new Path2D.Double();
            mast.moveTo(128, 112); mast.lineTo(88, 212); mast.moveTo(128, 112); mast.lineTo(168, 212);
            mast.moveTo(104, 172); mast.lineTo(152, 172);
            g.draw(mast);
            g.fill(new Ellipse2D.Double(112, 84, 32, 32));
            // waves
            g.draw(new Arc2D.Double(80, 52, 96, 96, 135, 90, Arc2D.OPEN));
            g.draw(new Arc2D.Double(80, 52, 96, 96, -45, 90, Arc2D.OPEN));
            g.draw(new Arc2D.Double(48, 20, 160, 160, 140, 80, Arc2D.OPEN));
            g.draw(new Arc2D.Double(48, 20, 160, 160, -40, 80, Arc2D.OPEN));
            g.dispose();
            ImageIO.write(img, "png", new File(a[0] + "/tower-" + size + ".png"));
        }
    }
}
