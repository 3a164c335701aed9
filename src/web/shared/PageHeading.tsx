import { Heading1 } from '@utrecht/component-library-react';

/** The page's h1, with the organisation it is about as a smaller second line. */
export function PageHeading({ title, context }: { title: string; context?: string }) {
  return (
    <Heading1 className="wb-page-heading">
      {title}
      {context ? (
        <>
          <span className="wb-visually-hidden">: </span>
          <span className="wb-page-heading__context">{context}</span>
        </>
      ) : null}
    </Heading1>
  );
}
