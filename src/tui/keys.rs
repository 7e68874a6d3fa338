//! What a key means. A key goes, in this order, to the text being typed, the
//! top pop-up, a search field, the keys every step shares (each mapped to a
//! [`Msg`] first), and then the current step's module (see [`super::steps`]).
//! What the event loop must do after it (quit, stop) is the returned [`Action`].

use super::app::{Action, App, Step};
use super::steps;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key shared by every step means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// Ctrl-C: quit as SIGINT would.
    Interrupt,
    /// Ctrl-Q: quit at once (the session is saved).
    QuitNow,
    /// Ctrl-Z: give the terminal back.
    Suspend,
    Help,
    Undo,
    Redo,
    /// `q`: quit, asking first when the plan is not exported.
    Quit,
    /// Esc, Backspace, ←: the step before that applies.
    Back,
    /// `n`, →: the next step that applies (or write, on the last).
    Next,
    /// A digit, or `r` for the review: that step.
    Go(Step),
}

impl Msg {
    /// Ctrl-C, Ctrl-Q and Ctrl-Z: they mean the same everywhere, even while typing.
    fn always(key: KeyEvent) -> Option<Msg> {
        if !key.modifiers.contains(KeyModifiers::CONTROL) {
            return None;
        }
        match key.code {
            KeyCode::Char('c') => Some(Msg::Interrupt),
            KeyCode::Char('q') => Some(Msg::QuitNow),
            KeyCode::Char('z') => Some(Msg::Suspend),
            _ => None,
        }
    }

    /// A key every step shares, on `step` (none is typed or shown over it).
    pub fn shared(key: KeyEvent, step: Step) -> Option<Msg> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let welcome = step == Step::Welcome;
        Some(match key.code {
            KeyCode::Char('?') => Msg::Help,
            KeyCode::Char('u') => Msg::Undo,
            KeyCode::Char('r') if ctrl => Msg::Redo,
            KeyCode::Char('q') => Msg::Quit,
            KeyCode::Esc | KeyCode::Backspace | KeyCode::Left => Msg::Back,
            KeyCode::Char('r') if !welcome => Msg::Go(Step::Review),
            // A digit is that step (0 is the tenth); 1 is the welcome screen,
            // which is left by its own rows, so it does nothing.
            KeyCode::Char(c @ '0'..='9') if !welcome => {
                let n = c.to_digit(10).unwrap_or(0) as usize;
                let i = if n == 0 { 9 } else { n - 1 };
                Msg::Go(Step::ALL[i])
            }
            KeyCode::Char('n') | KeyCode::Right if !welcome => Msg::Next,
            _ => return None,
        })
    }
}

impl App {
    /// Handles one key press. What it asks of the world outside (files) is
    /// queued for the event loop ([`App::take_effects`]); without a terminal
    /// (tests) it is done at once.
    pub fn on(&mut self, key: KeyEvent) -> Action {
        let action = self.handle(key);
        if !self.background {
            self.run_effects_here();
        }
        action
    }

    fn handle(&mut self, key: KeyEvent) -> Action {
        if let Some(msg) = Msg::always(key) {
            return self.update(msg);
        }
        self.status = None;
        if self.input.is_some() {
            self.on_input(key);
            return Action::Continue;
        }
        if let Some(overlay) = self.overlays.pop() {
            return self.on_overlay(overlay, key);
        }
        if self.client_search.is_some() {
            steps::clients::on_search(self, key);
            return Action::Continue;
        }
        if self.step == Step::OwnPackages && self.picker.filtering {
            self.picker.on(key);
            return Action::Continue;
        }
        if let Some(msg) = Msg::shared(key, self.step) {
            return self.update(msg);
        }
        steps::on_key(self, key);
        Action::Continue
    }

    /// Does what a shared key means.
    pub fn update(&mut self, msg: Msg) -> Action {
        match msg {
            Msg::Interrupt => return Action::Interrupt,
            Msg::QuitNow => return Action::Quit,
            Msg::Suspend => return Action::Suspend,
            Msg::Help => self.overlays.push(super::app::Overlay::Help),
            Msg::Undo => self.undo(),
            Msg::Redo => self.redo(),
            Msg::Quit if self.unsaved => self.overlays.push(super::app::Overlay::ConfirmQuit),
            Msg::Quit => return Action::Quit,
            Msg::Back => {
                if self.step != Step::Welcome {
                    self.go(self.prev_step());
                }
            }
            Msg::Next => self.next_step(),
            Msg::Go(Step::Welcome) => {}
            Msg::Go(step) => self.go(step),
        }
        Action::Continue
    }
}
