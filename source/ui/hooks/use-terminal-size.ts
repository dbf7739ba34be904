import {useStdout} from 'ink';
import {createContext, useContext, useEffect, useState} from 'react';

/** A terminal size in cells. */
export type TerminalSize = {readonly columns: number; readonly rows: number};

/** Fixes the size instead of measuring the output: for tests and for rendering screenshots. */
export const TerminalSizeContext = createContext<TerminalSize | undefined>(
	undefined,
);

function measure(stdout: NodeJS.WriteStream): TerminalSize {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/** The terminal's size, following resizes; 80x24 where the output is no terminal. */
export function useTerminalSize(): TerminalSize {
	const fixed = useContext(TerminalSizeContext);
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => measure(stdout));
	useEffect(() => {
		const onResize = (): void => {
			setSize(measure(stdout));
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return fixed ?? size;
}
