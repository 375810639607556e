/**
 * Sentlog's provider SPI: JDK only.
 */
module dev.sentlog.spi {
    exports dev.sentlog.spi;
    exports dev.sentlog.spi.mapping;
}
