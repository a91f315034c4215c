/**
 * The screen kit's controls half (AtlantaFX): what a feature view is assembled from. ViewModels never
 * import this package (ArchitectureTest); they hold {@code dev.tower.ui.kit} objects, which these render.
 *
 * <h2>Assembling a feature screen</h2>
 * <ol>
 *   <li>ViewModel (toolkit-free): {@code ScreenState state = new ScreenState(executor)}; a
 *       {@code KeysetList<Filter, Cursor, Row>} for the list, whose reader calls a service method that
 *       takes {@code (filter, after, limit)} and runs {@code WHERE (t, id) < (:t, :id) ORDER BY t DESC, id DESC
 *       LIMIT :limit} (the list asks for one row more than it shows); {@code Field}s with {@code FieldRule}s and
 *       a {@code Form}; a {@code Command} per button; a {@code Confirmations} for actions that need a yes.
 *       Every service call sits inside a lambda passed to {@code state.run(...)}.</li>
 *   <li>View: {@code new ScreenFrame("bookings", "Bookings", vm.state(), content)}, then
 *       {@code .tools(Buttons.of("reloadBookings", vm.reload(), Feather.REFRESH_CW))},
 *       {@code .confirmations(vm.confirmations())} and {@code .onEachShow(vm::load)}. The frame shows the
 *       error banner (details collapsed), the notice, the busy overlay with progress and Cancel, and clears
 *       messages when the screen is left.</li>
 *   <li>Content: a {@code KeysetTable} over the list (fixed cell size, placeholder, "Load more" footer,
 *       keyboard paging) beside a {@code FormPanel} (scrolls rather than clips at 1180×760) whose fields bind
 *       to the ViewModel's {@code Field}s with {@code panel.text(id, field)}.</li>
 *   <li>Tests: ViewModel tests with {@code SyncTaskExecutor} (or test {@code ManualTaskExecutor} to hold tasks);
 *       a TestFX test with {@code Screenshots.save(stage, "name.png")} in light and dark, looked at.</li>
 * </ol>
 * {@link dev.tower.ui.controls.Toasts} shows a self-closing message; {@link dev.tower.ui.controls.ConfirmDialog}
 * renders {@code Confirmation}s on AtlantaFX's {@code ModalPane} (typed word for destructive ones).
 */
package dev.tower.ui.controls;
