package dev.sentlog.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {

    @Test
    @DisplayName("L1: console tables pad columns to the widest cell, right-align numbers, count code points")
    void aligned() {
        String table = ConsoleTable.of(20, "Recipient", "Devices").right(1)
                .row("Nguyễn, Thảo", 3)
                .row("Παπαδόπουλος, Ελένη", 12)
                .render();

        assertThat(table).isEqualTo("""
                Recipient            Devices
                -------------------  -------
                Nguyễn, Thảo               3
                Παπαδόπουλος, Ελένη       12""");
    }

    @Test
    @DisplayName("L1: a cell wider than the limit is cut with an ellipsis; a row of the wrong width is refused")
    void cutAndRefused() {
        ConsoleTable table = ConsoleTable.of(8, "Subject").row("School is cancelled");

        assertThat(table.render().lines()).containsExactly("Subject", "--------", "School …");
        assertThatThrownBy(() -> table.row("a", "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 cells in a table of 1 columns");
    }
}
