/**
 * The screen kit's toolkit-free half: what a ViewModel holds, testable without a display.
 *
 * <ul>
 *   <li>{@link dev.tower.ui.kit.ScreenState}: busy + description + progress + cancel, error, notice; every
 *       task runs through {@code state.run(...)} (latest-wins per lane).</li>
 *   <li>{@link dev.tower.ui.kit.KeysetList}: long lists, keyset-paged with a composite cursor and one extra row.</li>
 *   <li>{@link dev.tower.ui.kit.Field}, {@link dev.tower.ui.kit.FieldRule}, {@link dev.tower.ui.kit.Form}: typed
 *       input with plain messages that name the range.</li>
 *   <li>{@link dev.tower.ui.kit.Command}: executable = permitted ∧ valid ∧ ¬busy.</li>
 *   <li>{@link dev.tower.ui.kit.Navigator}, {@link dev.tower.ui.kit.Place}: go to section + record, and back.</li>
 *   <li>{@link dev.tower.ui.kit.Confirmations}, {@link dev.tower.ui.kit.Confirmation}: ask before acting,
 *       typed word for destructive actions.</li>
 *   <li>{@link dev.tower.ui.kit.Money}: BigDecimal + currency, strict parsing, half-even rounding.</li>
 * </ul>
 *
 * <p>A feature ViewModel: {@code new ScreenState(executor)}; fields and a {@code Form}; one
 * {@code Command.of(state.gate(), ...)} per button (the gate is the window's, carried by its executor) with
 * {@code permitted = new SimpleBooleanProperty(session.has(P))}, {@code valid = form.valid()},
 * {@code busy = state.busyProperty()}; the action calls {@code state.run("Saving…", () -> service.save(..),
 * saved -> { state.notice("Saved."); list.reload(); })}. Service calls appear only inside those lambdas
 * (ArchitectureTest checks it). Tests use {@code SyncTaskExecutor} (or test-scope {@code ManualTaskExecutor}
 * for ordering), each with a gate of its own. The controls half is {@code dev.tower.ui.controls}.
 */
package dev.tower.ui.kit;
