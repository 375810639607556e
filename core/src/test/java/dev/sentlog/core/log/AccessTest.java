package dev.sentlog.core.log;

import static dev.sentlog.core.log.TestMessages.DAY;
import static dev.sentlog.core.log.TestMessages.HARRISON;
import static dev.sentlog.core.log.TestMessages.LINCOLN;
import static dev.sentlog.core.log.TestMessages.TEACHER;
import static dev.sentlog.core.log.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sentlog.core.search.SearchCriteria;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessTest {

    private static final SearchCriteria TODAY = SearchCriteria.createdBetween(DAY, DAY);

    private LogHarness h;

    @BeforeEach
    void record() {
        h = new LogHarness();
        h.log.record(message("m-admin").build());
        h.log.record(message("m-teacher").sender(TEACHER).build());
        h.log.record(message("m-lincoln").districtOrSchool(LINCOLN).sender(TEACHER).build());
    }

    @AfterEach
    void close() {
        h.close();
    }

    private static Caller teacher(ToolRight... rights) {
        return teacher(Set.of(), rights);
    }

    private static Caller teacher(Set<String> schools, ToolRight... rights) {
        Set<ToolRight> set = rights.length == 0 ? EnumSet.noneOf(ToolRight.class) : EnumSet.of(rights[0], rights);
        return Caller.of(TEACHER.id(), TEACHER.name(), set, schools);
    }

    private List<String> found(Caller c) {
        return h.log.search(c, TODAY).rows().stream().map(r -> r.id()).sorted().toList();
    }

    @Test
    void T1_aUsersOwnLogShowsOnlyMessagesTheUserSent() {
        Caller own = teacher(ToolRight.READ_OWN_LOG);
        assertThat(found(own)).containsExactly("m-lincoln", "m-teacher");
        assertThatThrownBy(() -> h.log.select(own, "m-admin")).isInstanceOf(MessageNotFoundException.class);
    }

    @Test
    void T1_theAdministrationLogShowsEverySendersMessages_andNeedsItsOwnRight() {
        Caller admin = teacher(ToolRight.READ_ADMINISTRATION_LOG).inAdministrationLog();
        assertThat(found(admin)).containsExactly("m-admin", "m-lincoln", "m-teacher");
        assertThat(h.log.select(admin, "m-admin").row().id()).isEqualTo("m-admin");

        Caller ownRightOnly = teacher(ToolRight.READ_OWN_LOG, ToolRight.CANCEL_OWN_LOG).inAdministrationLog();
        assertThatThrownBy(() -> h.log.search(ownRightOnly, TODAY)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("user u-2 lacks the Read right of the administration Sent Message Log");
    }

    @Test
    void T2_viewingRefreshingAndPrintingNeedRead() {
        Caller noRead = teacher(ToolRight.CANCEL_OWN_LOG);
        List<Consumer<Caller>> calls = List.of(c -> h.log.search(c, TODAY), c -> h.log.select(c, "m-teacher"),
                c -> h.log.refresh(c, "m-teacher"), c -> h.log.printable(c, "m-teacher"),
                c -> h.log.cancel(c, "m-teacher"));
        for (Consumer<Caller> call : calls) {
            assertThatThrownBy(() -> call.accept(noRead)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("Read right");
        }
        Caller read = teacher(ToolRight.READ_OWN_LOG);
        h.log.refresh(read, "m-teacher");
        assertThat(h.log.printable(read, "m-teacher").id()).isEqualTo("m-teacher");
    }

    @Test
    void T2_cancelingNeedsReadAndCancelOfTheSameLog() {
        Caller readOnly = teacher(ToolRight.READ_OWN_LOG, ToolRight.CANCEL_ADMINISTRATION_LOG);
        assertThatThrownBy(() -> h.log.cancel(readOnly, "m-teacher")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Cancel right of the Sent Message Log");
        Caller both = teacher(ToolRight.READ_OWN_LOG, ToolRight.CANCEL_OWN_LOG);
        assertThat(h.log.cancel(both, "m-teacher").by().id()).isEqualTo("u-2");
    }

    @Test
    void T3_aUserLimitedToSchoolsNeverSeesCancelsOrPrintsAnotherSchoolsMessage() {
        Caller lincolnOnly = teacher(Set.of(LINCOLN), ToolRight.READ_OWN_LOG, ToolRight.CANCEL_OWN_LOG,
                ToolRight.READ_ADMINISTRATION_LOG, ToolRight.CANCEL_ADMINISTRATION_LOG);
        assertThat(found(lincolnOnly)).containsExactly("m-lincoln");
        assertThat(found(lincolnOnly.inAdministrationLog())).containsExactly("m-lincoln");
        for (Caller c : List.of(lincolnOnly, lincolnOnly.inAdministrationLog())) {
            assertThatThrownBy(() -> h.log.select(c, "m-teacher")).isInstanceOf(MessageNotFoundException.class);
            assertThatThrownBy(() -> h.log.cancel(c, "m-teacher")).isInstanceOf(MessageNotFoundException.class);
            assertThatThrownBy(() -> h.log.printable(c, "m-teacher")).isInstanceOf(MessageNotFoundException.class);
            assertThatThrownBy(() -> h.log.refresh(c, "m-teacher")).isInstanceOf(MessageNotFoundException.class);
        }
        Caller harrison = teacher(Set.of(HARRISON, LINCOLN), ToolRight.READ_OWN_LOG);
        assertThat(found(harrison)).containsExactly("m-lincoln", "m-teacher");
    }

    @Test
    void T4_aMessageOutsideTheScopeBehavesExactlyAsOneThatDoesNotExist() {
        Caller lincolnOnly = teacher(Set.of(LINCOLN), ToolRight.READ_ADMINISTRATION_LOG,
                ToolRight.CANCEL_ADMINISTRATION_LOG).inAdministrationLog();
        try (SentMessageLog empty = h.builder().build()) {
            for (String id : List.of("m-admin", "m-teacher")) {
                List<Consumer<SentMessageLog>> calls = List.of(l -> l.select(lincolnOnly, id),
                        l -> l.cancel(lincolnOnly, id), l -> l.refresh(lincolnOnly, id),
                        l -> l.printable(lincolnOnly, id));
                for (Consumer<SentMessageLog> call : calls) {
                    Throwable hidden = catchThrowable(() -> call.accept(h.log));
                    Throwable missing = catchThrowable(() -> call.accept(empty));
                    assertThat(hidden).isExactlyInstanceOf(MessageNotFoundException.class)
                            .hasMessage(missing.getMessage());
                    assertThat(missing).isExactlyInstanceOf(MessageNotFoundException.class);
                }
            }
        }
    }

    @Test
    void T4_aMissingRightIsReportedBeforeAnyLookup_soItGivesNoHintOfExistence() {
        Caller none = teacher();
        Throwable existing = catchThrowable(() -> h.log.select(none, "m-teacher"));
        Throwable missing = catchThrowable(() -> h.log.select(none, "m-nope"));
        assertThat(existing).isExactlyInstanceOf(AccessDeniedException.class).hasMessage(missing.getMessage());
    }
}
