package dev.meshdeck.core.monitoring;

import java.math.BigDecimal;
import java.math.MathContext;

/** An alert's value as people read it: four significant digits, no exponent (1900, 0.05, 812.3). */
public final class AlertValue {

    private AlertValue() {
    }

    public static String text(double v) {
        return Double.isFinite(v) ? new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString()
                : Double.toString(v);
    }
}
